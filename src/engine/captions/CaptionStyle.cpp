#include "captions/CaptionStyle.h"

#include "core/Error.h"
#include "core/JsonTypeName.h"

#include <QFileInfo>
#include <QJsonValue>

#include <cmath>

namespace reelsmith {

namespace {

[[noreturn]] void fail(const QString &key, const QString &problem)
{
    throwBadInput(key + QStringLiteral(": ") + problem);
}

double numberAt(const QJsonValue &v, const QString &key)
{
    if (!v.isDouble())
        fail(key, QStringLiteral("must be a number, not %1").arg(jsonTypeName(v)));
    const double d = v.toDouble();
    if (!std::isfinite(d))
        fail(key, QStringLiteral("must be a finite number"));
    return d;
}

bool boolAt(const QJsonValue &v, const QString &key)
{
    if (!v.isBool())
        fail(key, QStringLiteral("must be true or false, not %1").arg(jsonTypeName(v)));
    return v.toBool();
}

QString stringAt(const QJsonValue &v, const QString &key)
{
    if (!v.isString())
        fail(key, QStringLiteral("must be a string, not %1").arg(jsonTypeName(v)));
    return v.toString();
}

QColor colorAt(const QJsonValue &v, const QString &key, bool allowAlpha)
{
    const QString text = stringAt(v, key);
    const auto color = parseCaptionColor(text, allowAlpha);
    if (!color)
        fail(key, allowAlpha
                      ? QStringLiteral("must be a colour \"#RRGGBB\" or \"#RRGGBBAA\", "
                                       "not \"%1\"")
                            .arg(text)
                      : QStringLiteral("must be a colour \"#RRGGBB\", not \"%1\"").arg(text));
    return *color;
}

QString outside(const QString &key, std::optional<double> value, double low, double high)
{
    if (!value || (*value >= low && *value <= high))
        return {};
    return QStringLiteral("%1: must be %2 to %3, not %4").arg(key).arg(low).arg(high).arg(*value);
}

} // namespace

QString captionModeName(CaptionMode mode)
{
    switch (mode) {
    case CaptionMode::Block:
        return QStringLiteral("block");
    case CaptionMode::Karaoke:
        return QStringLiteral("karaoke");
    case CaptionMode::Words:
        return QStringLiteral("words");
    }
    return QStringLiteral("block");
}

std::optional<CaptionMode> captionModeFromName(const QString &name)
{
    for (CaptionMode m : {CaptionMode::Block, CaptionMode::Karaoke, CaptionMode::Words})
        if (captionModeName(m) == name)
            return m;
    return std::nullopt;
}

bool CaptionStyle::pops() const
{
    return mode != CaptionMode::Block && pop.value_or(mode == CaptionMode::Words);
}

bool CaptionStyle::fontIsFile() const
{
    if (font.contains(QLatin1Char('/')) || font.contains(QLatin1Char('\\')))
        return true;
    const QString suffix = QFileInfo(font).suffix().toLower();
    return suffix == QLatin1String("ttf") || suffix == QLatin1String("otf") ||
           suffix == QLatin1String("ttc") || suffix == QLatin1String("otc");
}

QString captionColorName(const QColor &color)
{
    QString name = color.name(QColor::HexRgb).toUpper();
    if (color.alpha() != 255)
        name += QStringLiteral("%1").arg(color.alpha(), 2, 16, QLatin1Char('0')).toUpper();
    return name;
}

std::optional<QColor> parseCaptionColor(const QString &text, bool allowAlpha)
{
    if (!text.startsWith(QLatin1Char('#')) ||
        !(text.size() == 7 || (allowAlpha && text.size() == 9)))
        return std::nullopt;
    bool ok = false;
    const uint value = text.mid(1).toUInt(&ok, 16);
    if (!ok)
        return std::nullopt;
    if (text.size() == 7)
        return QColor((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF);
    return QColor((value >> 24) & 0xFF, (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF);
}

bool CaptionStyleOverride::isEmpty() const
{
    return *this == CaptionStyleOverride();
}

CaptionStyle CaptionStyleOverride::over(const CaptionStyle &base) const
{
    CaptionStyle s = base;
    s.mode = mode.value_or(s.mode);
    s.font = font.value_or(s.font);
    s.size = size.value_or(s.size);
    s.color = color.value_or(s.color);
    s.highlight = highlight.value_or(s.highlight);
    s.outline = outline.value_or(s.outline);
    s.outlineColor = outlineColor.value_or(s.outlineColor);
    if (box)
        s.box = *box;
    s.position = position.value_or(s.position);
    s.uppercase = uppercase.value_or(s.uppercase);
    s.wordsPerPage = wordsPerPage.value_or(s.wordsPerPage);
    if (pop)
        s.pop = pop;
    return s;
}

CaptionStyleOverride CaptionStyleOverride::fromJson(const QJsonObject &object, const QString &at)
{
    CaptionStyleOverride o;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString &name = it.key();
        const QJsonValue v = it.value();
        const QString key = at + QLatin1Char('.') + name;
        if (name == QLatin1String("mode")) {
            const QString text = stringAt(v, key);
            o.mode = captionModeFromName(text);
            if (!o.mode)
                fail(key, QStringLiteral("must be \"block\", \"karaoke\" or \"words\", not \"%1\"")
                              .arg(text));
        } else if (name == QLatin1String("font")) {
            o.font = stringAt(v, key);
            if (o.font->trimmed().isEmpty())
                fail(key, QStringLiteral("must not be empty"));
        } else if (name == QLatin1String("size")) {
            o.size = numberAt(v, key);
        } else if (name == QLatin1String("color")) {
            o.color = colorAt(v, key, false);
        } else if (name == QLatin1String("highlight")) {
            o.highlight = colorAt(v, key, false);
        } else if (name == QLatin1String("outline")) {
            o.outline = numberAt(v, key);
        } else if (name == QLatin1String("outline_color")) {
            o.outlineColor = colorAt(v, key, false);
        } else if (name == QLatin1String("box")) {
            o.box = v.isNull() ? std::optional<QColor>() : std::optional(colorAt(v, key, true));
        } else if (name == QLatin1String("position")) {
            o.position = numberAt(v, key);
        } else if (name == QLatin1String("uppercase")) {
            o.uppercase = boolAt(v, key);
        } else if (name == QLatin1String("pop")) {
            o.pop = boolAt(v, key);
        } else if (name == QLatin1String("words_per_page")) {
            const double d = numberAt(v, key);
            if (d != std::floor(d) || std::fabs(d) > 1e9)
                fail(key, QStringLiteral("must be a whole number, not %1").arg(d));
            o.wordsPerPage = int(d);
        } else {
            fail(key, QStringLiteral("unknown key"));
        }
    }
    if (const QString problem = o.validationError(at); !problem.isEmpty())
        throwBadInput(problem);
    return o;
}

QJsonObject CaptionStyleOverride::toJson() const
{
    QJsonObject o;
    if (mode)
        o.insert(QStringLiteral("mode"), captionModeName(*mode));
    if (font)
        o.insert(QStringLiteral("font"), *font);
    if (size)
        o.insert(QStringLiteral("size"), *size);
    if (color)
        o.insert(QStringLiteral("color"), captionColorName(*color));
    if (highlight)
        o.insert(QStringLiteral("highlight"), captionColorName(*highlight));
    if (outline)
        o.insert(QStringLiteral("outline"), *outline);
    if (outlineColor)
        o.insert(QStringLiteral("outline_color"), captionColorName(*outlineColor));
    if (box)
        o.insert(QStringLiteral("box"),
                 *box ? QJsonValue(captionColorName(**box)) : QJsonValue(QJsonValue::Null));
    if (position)
        o.insert(QStringLiteral("position"), *position);
    if (uppercase)
        o.insert(QStringLiteral("uppercase"), *uppercase);
    if (wordsPerPage)
        o.insert(QStringLiteral("words_per_page"), *wordsPerPage);
    if (pop)
        o.insert(QStringLiteral("pop"), *pop);
    return o;
}

QString CaptionStyleOverride::validationError(const QString &at) const
{
    const QString prefix = at + QLatin1Char('.');
    if (font && font->trimmed().isEmpty())
        return prefix + QStringLiteral("font: must not be empty");
    for (const QString &problem :
         {outside(prefix + QStringLiteral("size"), size, CaptionStyle::kMinSize,
                  CaptionStyle::kMaxSize),
          outside(prefix + QStringLiteral("outline"), outline, 0, CaptionStyle::kMaxOutline),
          outside(prefix + QStringLiteral("position"), position, CaptionStyle::kMinPosition,
                  CaptionStyle::kMaxPosition),
          outside(prefix + QStringLiteral("words_per_page"),
                  wordsPerPage ? std::optional<double>(*wordsPerPage) : std::nullopt,
                  CaptionStyle::kMinWordsPerPage, CaptionStyle::kMaxWordsPerPage)})
        if (!problem.isEmpty())
            return problem;
    return {};
}

} // namespace reelsmith
