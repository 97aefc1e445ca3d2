#pragma once

#include <QString>

namespace reelsmith {

// A file written under a temporary name beside its target and renamed into
// place by commit(). Until then the target is untouched; if commit() is never
// reached the temporary file is removed.
class AtomicOutput
{
public:
    // Throws Error(BadInput) when the target's folder is missing or not
    // writable, or the target names a folder.
    explicit AtomicOutput(const QString &target);
    ~AtomicOutput();
    AtomicOutput(const AtomicOutput &) = delete;
    AtomicOutput &operator=(const AtomicOutput &) = delete;

    const QString &target() const { return m_target; }
    const QString &temporaryPath() const { return m_temporary; }
    // Atomically replaces the target with the temporary file.
    void commit();

private:
    QString m_target;
    QString m_temporary;
    bool m_committed = false;
};

} // namespace reelsmith
