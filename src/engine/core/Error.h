#pragma once

#include <QString>
#include <stdexcept>

namespace reelsmith {

// What kind of failure ended an operation; front ends map it to an exit
// status (CLI) or a message style (editor).
enum class ErrorKind {
    BadInput,  // the user's input is wrong: unreadable/invalid project, media, values
    Failure,   // anything else: encoder errors, disk full, internal faults
    Cancelled, // the caller asked to stop
};

class Error : public std::runtime_error
{
public:
    Error(ErrorKind kind, const QString &message)
        : std::runtime_error(message.toStdString()), m_kind(kind), m_message(message)
    {
    }
    ErrorKind kind() const { return m_kind; }
    const QString &message() const { return m_message; }

private:
    ErrorKind m_kind;
    QString m_message;
};

[[noreturn]] inline void throwBadInput(const QString &message)
{
    throw Error(ErrorKind::BadInput, message);
}
[[noreturn]] inline void throwFailure(const QString &message)
{
    throw Error(ErrorKind::Failure, message);
}

} // namespace reelsmith
