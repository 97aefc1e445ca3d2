#pragma once

#include <QColor>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace reelsmith {

enum class CaptionMode {
    Block,   // the whole text at once (shrunk, then paged over the scene when long)
    Karaoke, // a page of lines, the spoken word highlighted
    Words,   // words_per_page words at a time, each shown from when it is spoken
};

QString captionModeName(CaptionMode mode);
std::optional<CaptionMode> captionModeFromName(const QString &name);

// How a scene's caption looks: the project's `captions` object over these
// defaults, then the scene's own `captions` over that.
struct CaptionStyle
{
    static constexpr double kMinPosition = 0.1;
    static constexpr double kMaxPosition = 0.9;
    static constexpr int kMinWordsPerPage = 1;
    static constexpr int kMaxWordsPerPage = 12;
    // px at 720 wide. Beyond these a caption is unreadable or is a single
    // letter filling the frame; the painter shrinks further to the safe area.
    static constexpr double kMinSize = 8;
    static constexpr double kMaxSize = 400;
    static constexpr double kMaxOutline = 40;
    // The width sizes are given for (the contract's "px at 720 wide").
    static constexpr double kReferenceWidth = 720;

    CaptionMode mode = CaptionMode::Block;
    QString font = QStringLiteral("DejaVu Sans"); // a family, or a font file (resolved path)
    double size = 44;
    QColor color = QColor(0xFF, 0xFF, 0xFF);
    QColor highlight = QColor(0xFF, 0xD4, 0x00);
    double outline = 3;
    QColor outlineColor = QColor(0, 0, 0);
    std::optional<QColor> box; // behind each line, with its alpha
    double position = 0.83;    // vertical centre, fraction of the height
    bool uppercase = false;
    int wordsPerPage = 3;
    // A page appearing grows from 90 % to its size (`pop`); unset: the
    // mode's default, on for `words`. Never in `block` mode.
    std::optional<bool> pop;
    // Version 1's caption exactly as it always looked (captions/Caption):
    // the style keys do not exist there.
    bool legacy = false;

    bool fontIsFile() const;
    bool pops() const;
    bool operator==(const CaptionStyle &) const = default;
};

// The keys a `captions` object gives (the project's, or a scene's over it).
struct CaptionStyleOverride
{
    std::optional<CaptionMode> mode;
    std::optional<QString> font;
    std::optional<double> size;
    std::optional<QColor> color;
    std::optional<QColor> highlight;
    std::optional<double> outline;
    std::optional<QColor> outlineColor;
    std::optional<std::optional<QColor>> box; // set to nullopt: `"box": null`
    std::optional<double> position;
    std::optional<bool> uppercase;
    std::optional<int> wordsPerPage;
    std::optional<bool> pop;

    bool isEmpty() const;
    CaptionStyle over(const CaptionStyle &base) const;

    // Reads a `captions` object; throws Error(BadInput) "KEY.sub: problem"
    // with `at` ("captions", "scenes[2].captions") as the key's prefix.
    static CaptionStyleOverride fromJson(const QJsonObject &object, const QString &at);
    QJsonObject toJson() const;
    // First value outside its range as "KEY.sub: problem", or empty.
    QString validationError(const QString &at) const;

    bool operator==(const CaptionStyleOverride &) const = default;
};

// "#RRGGBB", or "#RRGGBBAA" when the colour has alpha.
QString captionColorName(const QColor &color);
// Parses "#RRGGBB" (and "#RRGGBBAA" when `allowAlpha`); nullopt when malformed.
std::optional<QColor> parseCaptionColor(const QString &text, bool allowAlpha);

} // namespace reelsmith
