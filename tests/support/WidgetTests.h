#pragma once

// Helpers for the editor's tests (header only: the engine's tests do not
// link Qt Widgets).

#include <QComboBox>
#include <QObject>
#include <QString>
#include <QTest>

namespace testwidgets {

// The child of `parent` named `name` (an objectName from a .ui file).
template <typename Field> Field *field(QObject &parent, const char *name)
{
    auto *found = parent.findChild<Field *>(QString::fromLatin1(name));
    Q_ASSERT(found);
    return found;
}

// What a click on the entry holding `data` does.
inline void choose(QComboBox *combo, int data)
{
    const int item = combo->findData(data);
    QVERIFY(item >= 0);
    combo->setCurrentIndex(item);
    emit combo->activated(item);
}

} // namespace testwidgets
