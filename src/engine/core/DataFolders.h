#pragma once

#include <QString>
#include <QStringList>

namespace reelsmith {

// Where the programs find their read-only data (built-in backgrounds,
// translations, the demo), most specific first:
//   $REELSMITH_DATA_DIR/<sub>,
//   <folder of the program>/../share/reelsmith/<sub> (build tree and
//   installed prefix alike),
//   <XDG data dirs>/reelsmith/<sub>.
QStringList dataFolders(const QString &sub);

// <folder of the program>/../share/reelsmith: this installation's data.
QString installedDataFolder();

} // namespace reelsmith
