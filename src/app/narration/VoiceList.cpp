#include "narration/VoiceList.h"

#include "narration/Narrator.h"

#include <QComboBox>
#include <QSignalBlocker>

namespace reelsmith::editor {

void fillVoiceCombo(QComboBox *combo, const QString &firstItem)
{
    const QSignalBlocker blocker(combo);
    const QString current = combo->currentData().toString();
    combo->clear();
    combo->addItem(firstItem, QString());
    // Listing reads the installed voice files; the list is kept.
    static const QList<VoiceInfo> voices = defaultNarrator().voices();
    for (const VoiceInfo &voice : voices)
        combo->addItem(QStringLiteral("%1 — %2").arg(voice.name, voice.description.isEmpty()
                                                                     ? voice.language
                                                                     : voice.description),
                       voice.name);
    selectVoice(combo, current);
}

void selectVoice(QComboBox *combo, const QString &name)
{
    const QSignalBlocker blocker(combo);
    combo->setCurrentIndex(std::max(0, combo->findData(name)));
}

} // namespace reelsmith::editor
