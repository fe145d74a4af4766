#pragma once

#include <QGraphicsView>

namespace flowscope {

class FlowGraphScene;

// Shows a FlowGraphScene; Ctrl+wheel zooms.
class FlowGraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit FlowGraphView(FlowGraphScene *scene, QWidget *parent = nullptr);

    FlowGraphScene *graph() const { return m_scene; }
    // Shows the whole flow when it fits at a readable size (down to half size), else its start.
    void fitFlow();

protected:
    void wheelEvent(QWheelEvent *event) override;

private:
    FlowGraphScene *m_scene;
};

} // namespace flowscope
