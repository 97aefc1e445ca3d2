#include "captions/CaptionStylePanel.h"
#include "ui_CaptionStylePanel.h"

#include "captions/CaptionPainter.h"
#include "captions/CaptionPresets.h"
#include "captions/SubtitleFile.h"
#include "core/Error.h"
#include "document/ProjectDocument.h"
#include "document/SceneEdits.h"
#include "settings/EditorSettings.h"

#include <QColorDialog>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QPainter>
#include <QScopedValueRollback>

#include <cmath>

namespace reelsmith::editor {

namespace {

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.fillRect(pixmap.rect().adjusted(1, 1, -1, -1), QColor(color.rgb()));
    painter.setPen(QColor(128, 128, 128));
    painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1));
    return QIcon(pixmap);
}

// The box's opacity as the panel shows it, in percent.
int alphaPercent(const QColor &color)
{
    return int(std::lround(color.alpha() * 100.0 / 255));
}

// A box for a panel that had none: black at 60 %, readable over any picture.
const QColor kDefaultBox(0, 0, 0, 153);

} // namespace

CaptionStylePanel::CaptionStylePanel(ProjectDocument *doc, Scope scope, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::CaptionStylePanel>()), m_doc(doc), m_scope(scope)
{
    m_ui->setupUi(this);
    setObjectName(scope == Scope::Project ? QStringLiteral("projectCaptionStyle")
                                          : QStringLiteral("sceneCaptionStyle"));
    fillCombos();
    for (QWidget *w : std::initializer_list<QWidget *>{
             m_ui->scopeLabel, m_ui->useProjectButton, m_ui->timingLabel, m_ui->timingEdit,
             m_ui->importTimingButton, m_ui->clearTimingButton})
        w->setVisible(editsScenes());
    m_ui->problemLabel->hide();
    setExpanded(false);
    connect(m_ui->foldButton, &QToolButton::toggled, this, &CaptionStylePanel::setExpanded);

    connect(m_ui->presetCombo, &QComboBox::activated, this, [this](int item) {
        const int index = m_ui->presetCombo->itemData(item).toInt();
        if (index < 0 || index >= captionPresets().size())
            return;
        change([index](CaptionStyleOverride &o) {
            o = withPreset(o, captionPresets().at(index).style);
        });
    });
    connect(m_ui->modeCombo, &QComboBox::activated, this, [this](int item) {
        const auto mode = CaptionMode(m_ui->modeCombo->itemData(item).toInt());
        change([mode](CaptionStyleOverride &o) { o.mode = mode; });
    });
    connect(m_ui->wordsSpin, &QSpinBox::valueChanged, this, [this](int words) {
        change([words](CaptionStyleOverride &o) { o.wordsPerPage = words; });
    });
    connect(m_ui->fontCombo, &QFontComboBox::currentFontChanged, this, [this](const QFont &font) {
        const QString family = font.family();
        change([&family](CaptionStyleOverride &o) { o.font = family; });
    });
    connect(m_ui->fontFileButton, &QPushButton::clicked, this, &CaptionStylePanel::chooseFontFile);
    bindNumber(m_ui->sizeSlider, m_ui->sizeSpin, 1,
               [](CaptionStyleOverride &o, double v) { o.size = v; });
    bindNumber(m_ui->outlineSlider, m_ui->outlineSpin, 1,
               [](CaptionStyleOverride &o, double v) { o.outline = v; });
    bindNumber(m_ui->positionSlider, m_ui->positionSpin, 1,
               [](CaptionStyleOverride &o, double v) { o.position = v / 100; });
    bindNumber(m_ui->boxAlphaSlider, m_ui->boxAlphaSpin, 1,
               [this](CaptionStyleOverride &o, double percent) {
                   QColor box = shownStyle().box.value_or(kDefaultBox);
                   box.setAlpha(int(std::lround(percent * 255 / 100)));
                   o.box = box;
               });
    connect(m_ui->textColorButton, &QToolButton::clicked, this, [this] {
        chooseColor(
            tr("Caption Text Colour"), [](const CaptionStyle &s) { return s.color; },
            [](CaptionStyleOverride &o, QColor c) { o.color = c; });
    });
    connect(m_ui->highlightColorButton, &QToolButton::clicked, this, [this] {
        chooseColor(
            tr("Highlight Colour"), [](const CaptionStyle &s) { return s.highlight; },
            [](CaptionStyleOverride &o, QColor c) { o.highlight = c; });
    });
    connect(m_ui->outlineColorButton, &QToolButton::clicked, this, [this] {
        chooseColor(
            tr("Outline Colour"), [](const CaptionStyle &s) { return s.outlineColor; },
            [](CaptionStyleOverride &o, QColor c) { o.outlineColor = c; });
    });
    connect(m_ui->boxColorButton, &QToolButton::clicked, this, [this] {
        chooseColor(
            tr("Box Colour"), [](const CaptionStyle &s) { return s.box.value_or(kDefaultBox); },
            [this](CaptionStyleOverride &o, QColor c) {
                // The colour from the dialog, the opacity from the slider.
                c.setAlpha(shownStyle().box.value_or(kDefaultBox).alpha());
                o.box = c;
            });
    });
    connect(m_ui->boxCheck, &QCheckBox::toggled, this, [this](bool on) {
        change([on](CaptionStyleOverride &o) {
            o.box = on ? std::optional<QColor>(kDefaultBox) : std::optional<QColor>();
        });
    });
    connect(m_ui->uppercaseCheck, &QCheckBox::toggled, this,
            [this](bool on) { change([on](CaptionStyleOverride &o) { o.uppercase = on; }); });
    connect(m_ui->useProjectButton, &QPushButton::clicked, this,
            &CaptionStylePanel::useProjectStyle);
    connect(m_ui->importTimingButton, &QPushButton::clicked, this,
            &CaptionStylePanel::chooseTiming);
    connect(m_ui->clearTimingButton, &QPushButton::clicked, this, &CaptionStylePanel::removeTiming);

    connect(doc, &ProjectDocument::changed, this, &CaptionStylePanel::refresh);
    connect(doc, &ProjectDocument::projectReplaced, this, [this] { showProblem(QString()); });
    refresh();
}

CaptionStylePanel::~CaptionStylePanel() = default;

void CaptionStylePanel::fillCombos()
{
    const QScopedValueRollback<bool> guard(m_refreshing, true);
    m_ui->presetCombo->clear();
    m_ui->presetCombo->addItem(tr("Custom"), -1);
    for (int i = 0; i < captionPresets().size(); ++i)
        m_ui->presetCombo->addItem(captionPresets().at(i).title(), i);
    m_ui->modeCombo->clear();
    m_ui->modeCombo->addItem(tr("Block: the whole text at once"), int(CaptionMode::Block));
    m_ui->modeCombo->addItem(tr("Karaoke: the spoken word highlighted"), int(CaptionMode::Karaoke));
    m_ui->modeCombo->addItem(tr("Words: a few at a time, as spoken"), int(CaptionMode::Words));
}

void CaptionStylePanel::setExpanded(bool expanded)
{
    {
        const QSignalBlocker blocker(m_ui->foldButton);
        m_ui->foldButton->setChecked(expanded);
    }
    m_ui->foldButton->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_ui->body->setVisible(expanded);
}

void CaptionStylePanel::setSelection(const QList<int> &rows, int current)
{
    m_rows = rows;
    m_current = rows.contains(current) ? current : (rows.isEmpty() ? -1 : rows.first());
    showProblem(QString());
    refresh();
}

bool CaptionStylePanel::hasTarget() const
{
    return !editsScenes() || m_current >= 0;
}

CaptionStyle CaptionStylePanel::shownStyle() const
{
    const CaptionStyle project = m_doc->project().captions.over(CaptionStyle());
    if (!editsScenes() || m_current < 0 || m_current >= m_doc->sceneCount())
        return project;
    return m_doc->scene(m_current).captions.over(project);
}

QString CaptionStylePanel::problem() const
{
    return m_ui->problemLabel->isHidden() ? QString() : m_ui->problemLabel->text();
}

void CaptionStylePanel::showProblem(const QString &text)
{
    m_ui->problemLabel->setText(text);
    m_ui->problemLabel->setVisible(!text.isEmpty());
}

void CaptionStylePanel::refresh()
{
    const QScopedValueRollback<bool> guard(m_refreshing, true);
    // Rows may be stale for a moment after a structural change.
    QList<int> valid;
    for (int row : std::as_const(m_rows))
        if (row >= 0 && row < m_doc->sceneCount())
            valid.append(row);
    m_rows = valid;
    if (!m_rows.contains(m_current))
        m_current = m_rows.isEmpty() ? -1 : m_rows.first();

    const bool enabled = hasTarget();
    for (QWidget *w : m_ui->body->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly))
        if (w != m_ui->problemLabel && w != m_ui->scopeLabel)
            w->setEnabled(enabled);

    const CaptionStyle style = shownStyle();
    int preset = 0;
    for (int i = 0; i < captionPresets().size() && preset == 0; ++i)
        if (captionPresets().at(i).matches(style))
            preset = i + 1;
    m_ui->presetCombo->setCurrentIndex(preset);
    m_ui->modeCombo->setCurrentIndex(m_ui->modeCombo->findData(int(style.mode)));
    m_ui->wordsSpin->setValue(style.wordsPerPage);
    m_ui->wordsSpin->setEnabled(enabled && style.mode == CaptionMode::Words);
    if (style.fontIsFile()) {
        m_ui->fontFileLabel->setText(
            tr("Font file: %1").arg(QDir::toNativeSeparators(QFileInfo(style.font).fileName())));
        m_ui->fontFileLabel->setToolTip(QDir::toNativeSeparators(style.font));
    } else {
        m_ui->fontCombo->setCurrentFont(QFont(style.font));
    }
    m_ui->fontFileLabel->setVisible(style.fontIsFile());
    m_ui->sizeSlider->setValue(int(std::lround(style.size)));
    m_ui->sizeSpin->setValue(style.size);
    m_ui->outlineSlider->setValue(int(std::lround(style.outline)));
    m_ui->outlineSpin->setValue(style.outline);
    m_ui->positionSlider->setValue(int(std::lround(style.position * 100)));
    m_ui->positionSpin->setValue(style.position * 100);
    m_ui->textColorButton->setIcon(swatch(style.color));
    m_ui->highlightColorButton->setIcon(swatch(style.highlight));
    m_ui->outlineColorButton->setIcon(swatch(style.outlineColor));
    m_ui->boxCheck->setChecked(style.box.has_value());
    m_ui->boxColorButton->setIcon(swatch(style.box.value_or(kDefaultBox)));
    const int alpha = alphaPercent(style.box.value_or(kDefaultBox));
    m_ui->boxAlphaSlider->setValue(alpha);
    m_ui->boxAlphaSpin->setValue(alpha);
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->boxColorButton, m_ui->boxAlphaSlider,
                                                       m_ui->boxAlphaSpin})
        w->setEnabled(enabled && style.box.has_value());
    m_ui->uppercaseCheck->setChecked(style.uppercase);

    if (!editsScenes())
        return;
    bool anyOwn = false;
    for (int row : std::as_const(m_rows))
        anyOwn = anyOwn || !m_doc->scene(row).captions.isEmpty();
    m_ui->useProjectButton->setEnabled(anyOwn);
    if (m_current < 0)
        m_ui->scopeLabel->setText(tr("No scene selected"));
    else if (m_rows.size() > 1)
        m_ui->scopeLabel->setText(
            tr("Changes apply to the %n selected scene(s) only", nullptr, int(m_rows.size())));
    else
        m_ui->scopeLabel->setText(anyOwn ? tr("This scene has its own caption style.")
                                         : tr("This scene uses the project's caption style; "
                                              "a change here applies to it only."));
    const bool single = m_current >= 0 && m_rows.size() == 1;
    const QString timing = m_current >= 0 ? m_doc->scene(m_current).timing : QString();
    m_ui->timingEdit->setText(QDir::toNativeSeparators(timing));
    m_ui->timingEdit->setToolTip(QDir::toNativeSeparators(timing));
    m_ui->importTimingButton->setEnabled(single);
    m_ui->clearTimingButton->setEnabled(single && !timing.isEmpty());
}

void CaptionStylePanel::bindNumber(QSlider *slider, QDoubleSpinBox *spin, double scale,
                                   const std::function<void(CaptionStyleOverride &, double)> &apply)
{
    connect(slider, &QSlider::sliderPressed, this, [this] { m_dragKey = newMergeKey(); });
    connect(slider, &QSlider::sliderReleased, this, [this] { m_dragKey = 0; });
    connect(slider, &QSlider::valueChanged, this, [=, this](int position) {
        if (m_refreshing)
            return;
        const double value = position / scale;
        change([&](CaptionStyleOverride &o) { apply(o, value); },
               slider->isSliderDown() ? m_dragKey : 0);
    });
    connect(spin, &QDoubleSpinBox::valueChanged, this,
            [=, this](double value) { change([&](CaptionStyleOverride &o) { apply(o, value); }); });
}

void CaptionStylePanel::change(const std::function<void(CaptionStyleOverride &)> &set, int mergeKey)
{
    if (m_refreshing || !hasTarget())
        return;
    QList<CaptionsEdit> edits;
    if (!editsScenes()) {
        CaptionStyleOverride style = m_doc->project().captions;
        set(style);
        edits.append({-1, style, {}});
        push(edits, {staticMetaObject.className(), QT_TR_NOOP("Change caption style")}, mergeKey);
        return;
    }
    for (int row : std::as_const(m_rows)) {
        const Scene &scene = m_doc->scene(row);
        CaptionStyleOverride style = scene.captions;
        set(style);
        edits.append({row, style, scene.timing});
    }
    push(edits,
         {staticMetaObject.className(), QT_TR_N_NOOP("Change the caption style of %n scene(s)"),
          int(edits.size())},
         mergeKey);
}

void CaptionStylePanel::push(QList<CaptionsEdit> edits, UndoText text, int mergeKey)
{
    // Only what changes: a value set to what it was is no step.
    const QList<CaptionsEdit> now = EditCaptionsCommand::current(m_doc, edits);
    QList<CaptionsEdit> changed;
    for (qsizetype i = 0; i < edits.size(); ++i)
        if (!(edits.at(i) == now.at(i)))
            changed.append(edits.at(i));
    if (changed.isEmpty()) {
        refresh(); // the widget may show a value the style clamps or ignores
        return;
    }
    m_doc->undoStack()->push(new EditCaptionsCommand(m_doc, changed, text, mergeKey));
}

void CaptionStylePanel::useProjectStyle()
{
    QList<CaptionsEdit> edits;
    for (int row : std::as_const(m_rows))
        edits.append({row, CaptionStyleOverride(), m_doc->scene(row).timing});
    push(edits,
         {staticMetaObject.className(),
          QT_TR_N_NOOP("Use the project's caption style for %n scene(s)"), int(edits.size())});
}

void CaptionStylePanel::chooseColor(const QString &title,
                                    const std::function<QColor(const CaptionStyle &)> &get,
                                    const std::function<void(CaptionStyleOverride &, QColor)> &set)
{
    const QColor initial = get(shownStyle());
    const QColor chosen = m_chooseColor
                              ? m_chooseColor(initial, title)
                              : QColorDialog::getColor(QColor(initial.rgb()), this, title);
    if (!chosen.isValid())
        return;
    change([&](CaptionStyleOverride &o) { set(o, QColor(chosen.rgb())); });
}

void CaptionStylePanel::chooseFontFile()
{
    const QString path = m_chooseFontFile
                             ? m_chooseFontFile()
                             : QFileDialog::getOpenFileName(
                                   this, tr("Choose a Font File"), EditorSettings::lastFolder(),
                                   tr("Fonts (*.ttf *.otf *.ttc *.otc);;All files (*)"));
    if (path.isEmpty())
        return;
    EditorSettings::setLastFolder(QFileInfo(path).absolutePath());
    const QString absolute = QFileInfo(path).absoluteFilePath();
    try {
        captionFontFileFamilies(absolute);
    } catch (const Error &e) {
        showProblem(tr("The font was not changed: %1").arg(e.message()));
        return;
    }
    showProblem(QString());
    change([&absolute](CaptionStyleOverride &o) { o.font = absolute; });
}

void CaptionStylePanel::chooseTiming()
{
    const QString path =
        m_chooseTiming ? m_chooseTiming()
                       : QFileDialog::getOpenFileName(this, tr("Import Caption Timing"),
                                                      EditorSettings::lastFolder(),
                                                      tr("Subtitles (*.srt *.vtt);;All files (*)"));
    if (path.isEmpty())
        return;
    EditorSettings::setLastFolder(QFileInfo(path).absolutePath());
    importTiming(path);
}

QString CaptionStylePanel::importTiming(const QString &path)
{
    if (!editsScenes() || m_current < 0)
        return tr("No scene selected");
    const QString absolute = QFileInfo(path).absoluteFilePath();
    try {
        // Parsed here so that a bad cue is named now, by its line, and the
        // scene keeps what it had.
        readSubtitles(absolute);
    } catch (const Error &e) {
        const QString problem = tr("Not imported: %1").arg(e.message());
        showProblem(problem);
        return problem;
    }
    showProblem(QString());
    const Scene &scene = m_doc->scene(m_current);
    push({{m_current, scene.captions, absolute}},
         {staticMetaObject.className(), QT_TR_NOOP("Import caption timing")});
    return {};
}

void CaptionStylePanel::removeTiming()
{
    if (m_current < 0)
        return;
    const Scene &scene = m_doc->scene(m_current);
    push({{m_current, scene.captions, QString()}},
         {staticMetaObject.className(), QT_TR_NOOP("Remove caption timing")});
}

void CaptionStylePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillCombos();
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace reelsmith::editor
