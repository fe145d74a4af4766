#pragma once

#include "protocol/fieldreader.h"
#include "protocol/framecodec.h"
#include "runtime/jobid.h"

#include <QCborMap>
#include <QString>
#include <QStringList>
#include <QVector>

namespace flowscope {

// The console protocol's control messages (docs/protocol.md). Each converts to the map a frame
// carries and parses back from a decoded Frame, refusing bad fields with their path.
namespace Protocol {

constexpr int version = 1;

// Error codes of `error` messages and of failed replies.
namespace ErrorCode {
inline const QString badFrame = QStringLiteral("bad_frame");
inline const QString unsupportedProtocol = QStringLiteral("unsupported_protocol");
inline const QString unauthorized = QStringLiteral("unauthorized");
inline const QString forbidden = QStringLiteral("forbidden");
inline const QString notFound = QStringLiteral("not_found");
inline const QString invalid = QStringLiteral("invalid");
inline const QString conflict = QStringLiteral("conflict");
inline const QString unknownCommand = QStringLiteral("unknown_command");
inline const QString unexpected = QStringLiteral("unexpected_message");
} // namespace ErrorCode

struct Hello
{
    int protocol = version;
    FrameCodec::Encoding encoding = FrameCodec::Encoding::Json;
    QString token;
    QString client;
};

struct Welcome
{
    int protocol = version;
    QString server;
    qint64 engineStartedMs = 0;
    quint64 lastSeq = 0;
    QString role; // "read" or "control"
};

struct Subscribe
{
    bool hasSince = false;
    quint64 since = 0; // the first sequence number wanted
    QStringList types; // event type names; empty: all
    QVector<JobId> jobs;
    QStringList agents;
};

struct Command
{
    quint64 id = 0;
    QString name;
    QCborMap args;
};

struct Reply
{
    quint64 id = 0;
    bool ok = true;
    QCborMap result;
    QString errorCode;
    QString errorMessage;
};

struct Error
{
    QString code;
    QString message;
    quint64 request = 0; // the command it answers, 0: none
};

struct Gap
{
    quint64 from = 0; // first sequence number that may be missing
    quint64 to = 0;   // last
};

QCborMap toCbor(const Hello &m);
QCborMap toCbor(const Welcome &m);
QCborMap toCbor(const Subscribe &m);
QCborMap toCbor(const Command &m);
QCborMap toCbor(const Reply &m);
QCborMap toCbor(const Error &m);
QCborMap toCbor(const Gap &m);

// Each returns false with *error naming the field ("subscribe.since: expected an unsigned
// integer"). A hello's protocol is not checked here: the server answers a mismatch itself.
bool parse(const Frame &frame, Hello *m, QString *error);
bool parse(const Frame &frame, Welcome *m, QString *error);
bool parse(const Frame &frame, Subscribe *m, QString *error);
bool parse(const Frame &frame, Command *m, QString *error);
bool parse(const Frame &frame, Reply *m, QString *error);
bool parse(const Frame &frame, Error *m, QString *error);
bool parse(const Frame &frame, Gap *m, QString *error);

} // namespace Protocol

} // namespace flowscope
