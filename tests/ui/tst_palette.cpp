#include "agenthealthmodel.h"
#include "alertlogmodel.h"
#include "healthbardelegate.h"
#include "jobtablemodel.h"
#include "metricschart.h"
#include "progressdelegate.h"
#include "routinenodeitem.h"
#include "texttone.h"
#include "themecolors.h"
#include "themediconengine.h"
#include "watcheswidget.h"

#include <QAbstractAxis>
#include <QChart>
#include <QDir>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QLabel>
#include <QPainter>
#include <QStandardItemModel>
#include <QStyleFactory>
#include <QStyleOptionGraphicsItem>
#include <QSvgRenderer>
#include <QTreeWidget>
#include <QtTest>

using namespace flowscope;

namespace {
QPalette darkPalette()
{
    QPalette p;
    const QColor text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x30));
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x28));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3d));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8c, 0x8c));
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x44));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x33));
    p.setColor(QPalette::Dark, QColor(0x20, 0x20, 0x22));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7a, 0x7a));
    return p;
}

// The colour most pixels of rect have: what text or marks there are drawn on.
QColor dominantColor(const QImage &image, const QRect &rect)
{
    QHash<QRgb, int> counts;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            ++counts[image.pixel(x, y)];
    }
    QRgb best = 0;
    int bestCount = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return QColor::fromRgb(best);
}

// The strongest contrast any pixel of rect has against background: a readable text or mark
// has pixels that reach the contrast of its colour.
double strongestContrast(const QImage &image, const QRect &rect, const QColor &background)
{
    double strongest = 1;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            strongest
                = std::max(strongest, ThemeColors::contrast(image.pixelColor(x, y), background));
    }
    return strongest;
}

// Share of an icon's visible pixels that stand out from the background behind it.
double legibleShare(const QImage &icon, const QColor &background, double contrast)
{
    int visible = 0;
    int legible = 0;
    for (int y = 0; y < icon.height(); ++y) {
        for (int x = 0; x < icon.width(); ++x) {
            const QColor pixel = icon.pixelColor(x, y);
            if (pixel.alphaF() < 0.9f)
                continue;
            ++visible;
            legible += ThemeColors::contrast(pixel, background) >= contrast;
        }
    }
    return visible ? double(legible) / visible : 0;
}

// One cell as a view with this palette has a delegate paint it.
QImage paintCell(const QAbstractItemDelegate &delegate, const QModelIndex &index,
                 const QPalette &palette, const QSize &size)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(palette.color(QPalette::Base));
    QStyleOptionViewItem option;
    option.rect = image.rect();
    option.palette = palette;
    option.state = QStyle::State_Enabled;
    QPainter painter(&image);
    delegate.paint(&painter, option, index);
    return image;
}

QImage renderOn(const QImage &icon, const QColor &background)
{
    QImage out(icon.size(), QImage::Format_ARGB32);
    out.fill(background);
    QPainter painter(&out);
    painter.drawImage(0, 0, icon);
    return out;
}
} // namespace

// Everything the console paints itself reads well on a dark palette as on a light one, and
// follows when the application's palette changes: contrast measured on the painted pixels.
class TestPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void colorsKeepTheirContrast_data();
    void colorsKeepTheirContrast();
    void routineNodesAreReadable_data();
    void routineNodesAreReadable();
    void healthBarsSuitTheirPalette();
    void progressBarsUseTheViewsPalette();
    void statusTextsAreReadable();
    void labelsFollowAPaletteChange();
    void watchErrorsFollowAPaletteChange();
    void metricsChartFollowsThePalette();
    void iconsAreSharpAtAnyScale();
    void iconsAreLegibleOnADarkPalette();

private:
    QPalette m_light;
};

void TestPalette::initTestCase()
{
    // Fusion draws with the palette it is given, as desktop styles do with the system's.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_light = QApplication::style()->standardPalette();
    QVERIFY(!ThemeColors::isDark(m_light));
    QVERIFY(ThemeColors::isDark(darkPalette()));
}

void TestPalette::init()
{
    QApplication::setPalette(m_light);
}

void TestPalette::cleanupTestCase()
{
    QApplication::setPalette(m_light);
}

void TestPalette::colorsKeepTheirContrast_data()
{
    QTest::addColumn<QColor>("color");
    QTest::addColumn<QColor>("background");
    QTest::newRow("dark red on dark") << QColor(0xc0, 0x20, 0x20) << QColor(0x1e, 0x1e, 0x1e);
    QTest::newRow("green on dark") << QColor(0x20, 0x80, 0x30) << QColor(0x2d, 0x2d, 0x30);
    QTest::newRow("black on dark") << QColor(Qt::black) << QColor(0x1e, 0x1e, 0x1e);
    QTest::newRow("yellow on white") << QColor(0xe8, 0xc2, 0x1a) << QColor(Qt::white);
    QTest::newRow("white on white") << QColor(Qt::white) << QColor(Qt::white);
    QTest::newRow("gray on mid gray") << QColor(0x80, 0x80, 0x80) << QColor(0x70, 0x70, 0x70);
}

void TestPalette::colorsKeepTheirContrast()
{
    QFETCH(QColor, color);
    QFETCH(QColor, background);
    for (double wanted : {3.0, 4.5}) {
        const QColor readable = ThemeColors::readableOn(color, background, wanted);
        QVERIFY2(ThemeColors::contrast(readable, background) >= wanted,
                 qPrintable(QStringLiteral("%1 on %2: %3")
                                .arg(readable.name(), background.name())
                                .arg(ThemeColors::contrast(readable, background))));
        // Same hue where there is one, so red stays red.
        if (color.hslSaturation() > 50 && readable.hslSaturation() > 50)
            QVERIFY(std::abs(readable.hslHue() - color.hslHue()) <= 2);
    }
    // A colour that already reads well is left as designed.
    QCOMPARE(ThemeColors::readableOn(Qt::black, Qt::white), QColor(Qt::black));
}

void TestPalette::routineNodesAreReadable_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<int>("state"); // 0 idle, 1 running, 2 stopped
    for (bool dark : {false, true}) {
        for (int state : {0, 1, 2})
            QTest::addRow("%s, %s", dark ? "dark" : "light",
                          state == 0   ? "idle"
                          : state == 1 ? "running"
                                       : "stopped")
                << dark << state;
    }
}

void TestPalette::routineNodesAreReadable()
{
    QFETCH(bool, dark);
    QFETCH(int, state);
    RoutineSpec spec;
    spec.id = QStringLiteral("validate");
    spec.className = QStringLiteral("flowscope.Work");
    spec.agent = QStringLiteral("checker");
    spec.slotNames = {QStringLiteral("in")};
    spec.eventNames = {QStringLiteral("out")};
    QGraphicsScene scene;
    auto *node = new RoutineNodeItem(spec);
    scene.addItem(node);
    node->setRunning(state == 1);
    node->setStopped(state == 2);
    QGraphicsView view(&scene);
    view.resize(400, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Switched after the view is up: the view must follow the change, not only its start.
    QApplication::setPalette(dark ? darkPalette() : m_light);
    QCoreApplication::processEvents();
    const QImage image = view.grab().toImage();
    const QPalette palette = view.viewport()->palette();
    QCOMPARE(ThemeColors::isDark(palette), dark);

    const auto viewRect = [&](const QRectF &itemRect) {
        return view.mapFromScene(node->mapToScene(itemRect)).boundingRect();
    };
    // The title: its fill, and text on it that reaches the contrast body text needs.
    const QRect title = viewRect(QRectF(18, 6, 80, 16));
    const QColor fill = dominantColor(image, title);
    QVERIFY2(ThemeColors::contrast(fill, palette.color(QPalette::Text)) >= 4.5,
             qPrintable(fill.name())); // the palette's own text would read on it too
    const double titleContrast = strongestContrast(image, title, fill);
    QVERIFY2(titleContrast >= 4.5, qPrintable(QString::number(titleContrast)));
    // The class and agent line, and the port names.
    const double detailContrast = strongestContrast(image, viewRect(QRectF(8, 24, 150, 14)), fill);
    QVERIFY2(detailContrast >= 4.5, qPrintable(QString::number(detailContrast)));
    const double portContrast = strongestContrast(image, viewRect(QRectF(14, 48, 30, 14)), fill);
    QVERIFY2(portContrast >= 4.5, qPrintable(QString::number(portContrast)));
    // The frame stands out from the view's background.
    const RoutineNodeItem::Colors colors = node->colors(palette);
    QVERIFY(ThemeColors::contrast(colors.border, palette.color(QPalette::Base)) >= 3.0);
    QCOMPARE(colors.fill.rgb(), fill.rgb());
}

void TestPalette::healthBarsSuitTheirPalette()
{
    QStandardItemModel model(1, AgentHealthModel::ColumnCount);
    const QModelIndex bar = model.index(0, AgentHealthModel::BarColumn);
    model.setData(bar, int(HealthState::Degraded), AgentHealthModel::StateRole);
    model.setData(bar, 0.4, AgentHealthModel::AgeFractionRole);
    model.setData(bar, QVariantList{0.2, 0.7}, AgentHealthModel::ThresholdsRole);
    HealthBarDelegate delegate;
    for (const QPalette &palette : {m_light, darkPalette()}) {
        const QImage image = paintCell(delegate, bar, palette, QSize(206, 24));
        // 3 px margins: the bar spans x 3..203; filled to 40 %, ticks at 20 % and 70 %.
        const QColor filled = image.pixelColor(30, 12);
        const QColor track = image.pixelColor(180, 12);
        QCOMPARE(filled, HealthBarDelegate::stateColor(HealthState::Degraded));
        // The empty part is a surface of the palette: on a dark one, dark under light text.
        QVERIFY2(ThemeColors::contrast(track, palette.color(QPalette::Text)) >= 4.5,
                 qPrintable(track.name()));
        QVERIFY(ThemeColors::contrast(filled, track) >= 1.5);
        // Both ticks are visible where they stand: on the fill and on the track.
        const double onFill = strongestContrast(image, QRect(41, 8, 5, 8), filled);
        const double onTrack = strongestContrast(image, QRect(141, 8, 5, 8), track);
        QVERIFY2(onFill >= 3.0, qPrintable(QString::number(onFill)));
        QVERIFY2(onTrack >= 3.0, qPrintable(QString::number(onTrack)));
    }
}

void TestPalette::progressBarsUseTheViewsPalette()
{
    // A view with a dark palette in a light application: the bar must take the view's.
    QStandardItemModel model(1, 1);
    model.setData(model.index(0, 0), 0.25, Qt::UserRole + 1);
    model.setData(model.index(0, 0), QStringLiteral("25%"), Qt::DisplayRole);
    ProgressDelegate delegate(Qt::UserRole + 1);
    const QPalette dark = darkPalette();
    const QImage image = paintCell(delegate, model.index(0, 0), dark, QSize(200, 22));
    // The groove beyond the progress is dark, as the view is.
    const QColor groove = image.pixelColor(170, 11);
    QVERIFY2(ThemeColors::contrast(groove, dark.color(QPalette::Text)) >= 4.5,
             qPrintable(groove.name()));
}

void TestPalette::statusTextsAreReadable()
{
    JobInfo failed;
    failed.id = JobId(1);
    failed.flowId = QStringLiteral("etl");
    failed.status = JobStatus::Failed;
    JobInfo done = failed;
    done.id = JobId(2);
    done.status = JobStatus::Completed;
    JobTableModel jobs;
    jobs.applyJobs({failed, done});
    AlertLogModel alerts;
    Alert critical;
    critical.level = AlertLevel::Critical;
    critical.agent = QStringLiteral("worker-1");
    critical.message = QStringLiteral("stuck");
    alerts.appendAlerts({critical});
    for (const QPalette &palette : {m_light, darkPalette()}) {
        QApplication::setPalette(palette);
        const QColor base = palette.color(QPalette::Base);
        for (int row = 0; row < 2; ++row) {
            const QColor color = jobs.index(row, JobTableModel::StatusColumn)
                                     .data(Qt::ForegroundRole)
                                     .value<QBrush>()
                                     .color();
            QVERIFY2(ThemeColors::contrast(color, base) >= 4.5, qPrintable(color.name()));
        }
        const QColor alert = alerts.index(0, AlertLogModel::MessageColumn)
                                 .data(Qt::ForegroundRole)
                                 .value<QColor>();
        QVERIFY2(ThemeColors::contrast(alert, base) >= 4.5, qPrintable(alert.name()));
    }
}

void TestPalette::labelsFollowAPaletteChange()
{
    QWidget window;
    auto *error = new QLabel(QStringLiteral("Invalid URL"), &window);
    TextTone::apply(error, ThemeColors::Tone::Error);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QColor onLight = error->palette().color(QPalette::WindowText);
    QVERIFY(ThemeColors::contrast(onLight, error->palette().color(QPalette::Window)) >= 4.5);
    QVERIFY(onLight.red() > onLight.green()); // still says "error"

    QApplication::setPalette(darkPalette());
    QCoreApplication::processEvents();
    const QColor onDark = error->palette().color(QPalette::WindowText);
    QCOMPARE(error->palette().color(QPalette::Window), darkPalette().color(QPalette::Window));
    QVERIFY2(ThemeColors::contrast(onDark, darkPalette().color(QPalette::Window)) >= 4.5,
             qPrintable(onDark.name()));
    QVERIFY(onDark.red() > onDark.green());
    // And the pixels say so.
    const QImage image = error->grab().toImage();
    QVERIFY(strongestContrast(image, image.rect(), darkPalette().color(QPalette::Window)) >= 4.5);

    TextTone::apply(error, ThemeColors::Tone::Normal);
    QCOMPARE(error->palette().color(QPalette::WindowText),
             darkPalette().color(QPalette::WindowText));
    QCOMPARE(TextTone::toneOf(error), ThemeColors::Tone::Normal);
}

void TestPalette::watchErrorsFollowAPaletteChange()
{
    WatchesWidget watches;
    watches.addExpression(QStringLiteral("data.missing.field"));
    EvaluationResult result;
    result.type = QStringLiteral("error");
    result.error = QStringLiteral("TypeError: cannot read property 'field' of undefined");
    watches.setResult(QStringLiteral("data.missing.field"), result);
    watches.show();
    QVERIFY(QTest::qWaitForWindowExposed(&watches));
    for (const QPalette &palette : {darkPalette(), m_light}) {
        QApplication::setPalette(palette);
        QCoreApplication::processEvents();
        const QColor color
            = watches.tree()->topLevelItem(0)->foreground(WatchesWidget::ValueColumn).color();
        QVERIFY2(ThemeColors::contrast(color, palette.color(QPalette::Base)) >= 4.5,
                 qPrintable(color.name()));
    }
}

void TestPalette::metricsChartFollowsThePalette()
{
    MetricsChart chart;
    chart.resize(500, 260);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    for (const QPalette &palette : {darkPalette(), m_light}) {
        QApplication::setPalette(palette);
        QCoreApplication::processEvents();
        const QColor background = chart.chart()->backgroundBrush().color();
        QCOMPARE(background, palette.color(QPalette::Base));
        const QList<QAbstractAxis *> axes = chart.chart()->axes();
        QVERIFY(!axes.isEmpty());
        for (const QAbstractAxis *axis : axes)
            QVERIFY(ThemeColors::contrast(axis->labelsColor(), background) >= 4.5);
        // Drawn, not only set: the chart's pixels are mostly its background.
        const QImage image = chart.grab().toImage();
        QCOMPARE(dominantColor(image, image.rect()), background);
    }
}

void TestPalette::iconsAreSharpAtAnyScale()
{
    // Qt 6 always makes high-DPI pixmaps (AA_UseHighDpiPixmaps no longer exists to be set):
    // an icon asked for at 24 px on a 2x screen is drawn with 48 device pixels.
    const QIcon icon = ThemedIconEngine::icon(QStringLiteral("step-over"));
    QVERIFY(!icon.isNull());
    for (qreal scale : {1.0, 1.5, 2.0, 3.0}) {
        const QPixmap pixmap = icon.pixmap(QSize(24, 24), scale);
        QCOMPARE(pixmap.devicePixelRatio(), scale);
        QCOMPARE(pixmap.size(), (QSizeF(24, 24) * scale).toSize());
    }
    // Drawn from the vectors at that size, not scaled up from a small bitmap: the 72 px
    // pixmap matches the SVG rendered directly at 72 px.
    QSvgRenderer renderer(QStringLiteral(":/icons/step-over.svg"));
    QImage direct(72, 72, QImage::Format_ARGB32_Premultiplied);
    direct.fill(Qt::transparent);
    QPainter painter(&direct);
    renderer.render(&painter);
    painter.end();
    direct.setDevicePixelRatio(3.0);
    QCOMPARE(icon.pixmap(QSize(24, 24), 3.0).toImage().convertToFormat(direct.format()), direct);
}

void TestPalette::iconsAreLegibleOnADarkPalette()
{
    const QStringList icons = QDir(QStringLiteral(":/icons")).entryList({QStringLiteral("*.svg")});
    QVERIFY(icons.size() >= 12);
    const QColor window = darkPalette().color(QPalette::Window);
    QApplication::setPalette(darkPalette());
    for (const QString &file : icons) {
        if (file == QLatin1String("flowscope.svg"))
            continue; // the application's icon has its own dark square
        const QIcon icon = ThemedIconEngine::icon(QFileInfo(file).baseName());
        const QImage image = icon.pixmap(QSize(48, 48)).toImage();
        // Most of what is drawn separates from the window (outlines included), and every
        // icon has strong marks.
        const double share = legibleShare(image, window, 1.8);
        QVERIFY2(share >= 0.95, qPrintable(QStringLiteral("%1: %2").arg(file).arg(share)));
        const QImage onWindow = renderOn(image, window);
        QVERIFY2(strongestContrast(onWindow, onWindow.rect(), window) >= 3.0, qPrintable(file));
    }
    // On a light palette the icons stay as designed.
    QApplication::setPalette(m_light);
    const QByteArray svg = [] {
        QFile f(QStringLiteral(":/icons/step-over.svg"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QCOMPARE(ThemedIconEngine::svgFor(svg, m_light.color(QPalette::Window)), svg);
    QVERIFY(ThemedIconEngine::svgFor(svg, window) != svg);
}

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
