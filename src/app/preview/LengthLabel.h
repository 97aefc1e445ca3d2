#pragma once

#include <QLabel>

namespace reelsmith::editor {

// The video's total length, always shown beside the play position; in the
// warning colour, with a tooltip saying why, when it is longer than the
// platform limit chosen in Preferences.
class LengthLabel : public QLabel
{
    Q_OBJECT
public:
    explicit LengthLabel(QWidget *parent = nullptr);

    void setSeconds(double seconds);
    // 0: no limit.
    void setLimitSeconds(int seconds);
    bool isOverLimit() const;

    // The colour of the text when over the limit.
    static QColor warningColor();

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    double m_seconds = 0;
    int m_limitSeconds = 0;
};

} // namespace reelsmith::editor
