"""The journal entry editor: writes itself to the vault within a second of each change."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from amends_desktop.domain import models as m
from amends_desktop.domain.enums import EntryKind
from amends_desktop.security.errors import VaultError
from amends_desktop.services.reflection import SELF_CARE_FIELDS, EntryError, ReflectionService

AUTOSAVE_MS = 500
NOT_SET = "Not set"


class EntryEditor(QWidget):
    """Edits one entry (a new draft or a saved one). No Save button: changes save themselves.

    Signals: ``saved(entry_id, created)`` after each save; ``supportNeeded(entry)`` when the
    craving reaches the threshold or thoughts of using are ticked (again after the link changes
    while that is so); ``deleteRequested(entry_id)``.
    """

    saved = Signal(int, bool)
    supportNeeded = Signal(object)  # noqa: N815
    deleteRequested = Signal(int)  # noqa: N815

    def __init__(self, service: ReflectionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._entry: m.Entry = service.new_entry()
        self._loading = False
        self._dirty = False
        self._alert_on = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self._build()
        self.reload_links()
        self.load(self._entry)

    # -- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.heading = QLabel()
        self.heading.setObjectName("entryHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        outer.addWidget(self.heading)

        top = QHBoxLayout()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setAccessibleName("Date of the entry")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of entry")
        for kind in EntryKind:
            self.kind.addItem(kind.label, kind.value)
        date_label = QLabel("&Date:")
        date_label.setBuddy(self.date)
        kind_label = QLabel("&Kind:")
        kind_label.setBuddy(self.kind)
        top.addWidget(date_label)
        top.addWidget(self.date)
        top.addSpacing(12)
        top.addWidget(kind_label)
        top.addWidget(self.kind, 1)
        outer.addLayout(top)

        prompt_row = QHBoxLayout()
        self.prompts = QComboBox()
        self.prompts.setAccessibleName("Start from a prompt")
        self.prompts.setToolTip("Pick a question to start from")
        self.prompts.setMinimumContentsLength(20)
        self.prompts.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        prompt_label = QLabel("&Prompt:")
        prompt_label.setBuddy(self.prompts)
        self.template_button = QToolButton()
        self.template_button.setText("Template")
        self.template_button.setAccessibleName("Insert a template")
        self.template_button.setToolTip("Start the text from a few headings")
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.template_menu = QMenu(self.template_button)
        self.template_button.setMenu(self.template_menu)
        self.own_button = QToolButton()
        self.own_button.setText("Add my own…")
        self.own_button.setAccessibleName("Add my own prompt or template")
        self.own_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        own_menu = QMenu(self.own_button)
        own_menu.addAction("A prompt…", lambda: self.add_own(template=False))
        own_menu.addAction("A template…", lambda: self.add_own(template=True))
        self.own_button.setMenu(own_menu)
        prompt_row.addWidget(prompt_label)
        prompt_row.addWidget(self.prompts, 1)
        prompt_row.addWidget(self.template_button)
        prompt_row.addWidget(self.own_button)
        outer.addLayout(prompt_row)

        self.prompt_label = QLabel()
        self.prompt_label.setObjectName("promptText")
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        italic = self.prompt_label.font()
        italic.setItalic(True)
        self.prompt_label.setFont(italic)
        outer.addWidget(self.prompt_label)

        self.body = QPlainTextEdit()
        self.body.setAccessibleName("What I want to write")
        self.body.setPlaceholderText("Write as much or as little as you like. It saves itself.")
        self.body.setTabChangesFocus(True)
        outer.addWidget(self.body, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        scales = QHBoxLayout()
        self.mood = QSpinBox()
        self.mood.setRange(0, 10)
        self.mood.setSpecialValueText(NOT_SET)
        self.mood.setAccessibleName("Mood from 1 (very low) to 10 (very good)")
        self.mood.setToolTip("1 is very low, 10 is very good")
        self.craving = QSpinBox()
        self.craving.setRange(-1, 10)
        self.craving.setSpecialValueText(NOT_SET)
        self.craving.setAccessibleName("Craving from 0 (none) to 10 (very strong)")
        self.craving.setToolTip("0 is none, 10 is very strong")
        self.thoughts = QCheckBox("Thoughts of &using")
        self.thoughts.setAccessibleName("Thoughts of using")
        mood_label = QLabel("&Mood:")
        mood_label.setBuddy(self.mood)
        craving_label = QLabel("C&raving:")
        craving_label.setBuddy(self.craving)
        scales.addWidget(mood_label)
        scales.addWidget(self.mood)
        scales.addSpacing(12)
        scales.addWidget(craving_label)
        scales.addWidget(self.craving)
        scales.addSpacing(12)
        scales.addWidget(self.thoughts)
        scales.addStretch(1)
        form.addRow(scales)

        care = QFrame()
        care.setAccessibleName("Self-care today")
        grid = QGridLayout(care)
        grid.setContentsMargins(0, 0, 0, 0)
        self.self_care: dict[str, QCheckBox] = {}
        for i, (field, label) in enumerate(SELF_CARE_FIELDS):
            box = QCheckBox(label)
            box.setAccessibleName(f"Self-care: {label}")
            self.self_care[field] = box
            grid.addWidget(box, i // 3, i % 3)
        form.addRow("Self-care:", care)

        self.link = QComboBox()
        self.link.setAccessibleName("Linked to a person or plan")
        self.link.setMinimumContentsLength(18)
        self.link.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        link_label = QLabel("&Linked to:")
        link_label.setBuddy(self.link)
        form.addRow(link_label, self.link)
        outer.addLayout(form)

        bottom = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("saveStatus")
        self.status.setAccessibleName("Save status")
        self.error = QLabel()
        self.error.setObjectName("inlineError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.delete_button = QPushButton("Delete entry…")
        self.delete_button.setAccessibleName("Delete this entry")
        self.delete_button.clicked.connect(self._ask_delete)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.delete_button)
        outer.addWidget(self.error)
        outer.addLayout(bottom)

        self.date.dateChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.prompts.activated.connect(self._prompt_chosen)
        self.body.textChanged.connect(self._changed)
        self.mood.valueChanged.connect(self._changed)
        self.craving.valueChanged.connect(self._scale_changed)
        self.thoughts.toggled.connect(self._scale_changed)
        for box in self.self_care.values():
            box.toggled.connect(self._changed)
        self.link.currentIndexChanged.connect(self._link_changed)
        QWidget.setTabOrder(self.date, self.kind)
        QWidget.setTabOrder(self.kind, self.prompts)
        QWidget.setTabOrder(self.prompts, self.template_button)
        QWidget.setTabOrder(self.template_button, self.own_button)
        QWidget.setTabOrder(self.own_button, self.body)
        QWidget.setTabOrder(self.body, self.mood)
        QWidget.setTabOrder(self.mood, self.craving)
        QWidget.setTabOrder(self.craving, self.thoughts)

    # -- state ----------------------------------------------------------------------------------
    @property
    def entry(self) -> m.Entry:
        return self._entry

    @property
    def entry_id(self) -> int | None:
        return self._entry.id

    def reload_links(self) -> None:
        data = self.link.currentData() if self.link.count() else None
        current = tuple(data) if data else (self._entry.plan_id, self._entry.person_id)
        self._loading, was = True, self._loading
        self.link.clear()
        self.link.addItem("Nothing", (None, None))
        for choice in self.service.link_choices():
            self.link.addItem(choice.label, (choice.plan_id, choice.person_id))
        self._select_link(*current)
        self._loading = was

    def _select_link(self, plan_id: int | None, person_id: int | None) -> None:
        for i in range(self.link.count()):
            data = self.link.itemData(i)
            if plan_id is not None and data[0] == plan_id:
                self.link.setCurrentIndex(i)
                return
        for i in range(self.link.count()):
            data = self.link.itemData(i)
            if plan_id is None and person_id is not None and data[1] == person_id:
                self.link.setCurrentIndex(i)
                return
        self.link.setCurrentIndex(0)

    def _fill_prompts(self, kind: EntryKind) -> None:
        self.prompts.clear()
        self.prompts.addItem("Choose a prompt to start from…", "")
        for choice in self.service.prompts_for(kind):
            self.prompts.addItem(choice.text, choice.text)
            self.prompts.setItemData(self.prompts.count() - 1, choice.text, Qt.ItemDataRole.ToolTipRole)
        self.template_menu.clear()
        templates = self.service.templates_for(kind)
        for choice in templates:
            first = choice.text.strip().splitlines()[0] if choice.text.strip() else choice.text
            action = self.template_menu.addAction(first + (" …" if "\n" in choice.text.strip() else ""))
            action.triggered.connect(lambda _=False, text=choice.text: self.insert_template(text))
        self.template_button.setEnabled(bool(templates))

    def load(self, entry: m.Entry) -> None:
        """Show an entry (saving any pending change to the previous one first)."""
        self.flush()
        self._loading = True
        self._entry = dataclasses.replace(entry)
        e = self._entry
        self.date.setDate(QDate.fromString(e.written_on, "yyyy-MM-dd"))
        self.kind.setCurrentIndex(max(0, self.kind.findData(e.kind.value)))
        self._fill_prompts(e.kind)
        self.prompt_label.setText(e.prompt)
        self.prompt_label.setVisible(bool(e.prompt))
        self.body.setPlainText(e.body)
        self.mood.setValue(e.mood or 0)
        self.craving.setValue(-1 if e.craving is None else e.craving)
        self.thoughts.setChecked(e.thoughts_of_using)
        for field, box in self.self_care.items():
            box.setChecked(bool(getattr(e, field)))
        self._select_link(e.plan_id, e.person_id)
        self._loading = False
        self._dirty = False
        self._alert_on = self.service.needs_support(e)
        self.error.hide()
        self._show_heading()
        self.status.setText("Saved" if e.id is not None else "New entry: it saves itself as you write")
        self.delete_button.setEnabled(e.id is not None)

    def _show_heading(self) -> None:
        e = self._entry
        self.heading.setText(("New entry" if e.id is None else "Entry") + f" · {e.kind.label}")

    def _read_form(self) -> m.Entry:
        e = dataclasses.replace(self._entry)
        e.written_on = self.date.date().toString("yyyy-MM-dd")
        e.kind = EntryKind(self.kind.currentData())
        e.body = self.body.toPlainText()
        e.mood = self.mood.value() or None
        e.craving = None if self.craving.value() < 0 else self.craving.value()
        e.thoughts_of_using = self.thoughts.isChecked()
        for field, box in self.self_care.items():
            setattr(e, field, box.isChecked())
        plan_id, person_id = self.link.currentData() or (None, None)
        e.plan_id, e.person_id = plan_id, person_id
        e.prompt = self.prompt_label.text()
        return e

    def _has_content(self, e: m.Entry) -> bool:
        return bool(e.body.strip() or e.mood is not None or e.craving is not None or e.thoughts_of_using
                    or any(getattr(e, f) for f, _ in SELF_CARE_FIELDS) or e.prompt)

    # -- changes --------------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self.status.setText("Saving…")
        self._timer.start()

    def _kind_changed(self, *_args: object) -> None:
        if self._loading:
            return
        kind = EntryKind(self.kind.currentData())
        self._fill_prompts(kind)
        self._entry.kind = kind
        self._show_heading()
        self._changed()

    def _scale_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._changed()
        self._check_alert(link_changed=False)

    def _link_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._changed()
        self._check_alert(link_changed=True)

    def _check_alert(self, *, link_changed: bool) -> None:
        form = self._read_form()
        alert = self.service.needs_support(form)
        if alert and (not self._alert_on or link_changed):
            self.flush()  # the support card reads the linked plans from the saved entry
            self.supportNeeded.emit(dataclasses.replace(self._entry))
        self._alert_on = alert

    def _prompt_chosen(self, index: int) -> None:
        text = str(self.prompts.itemData(index) or "")
        if not text:
            return
        self.prompt_label.setText(text)
        self.prompt_label.show()
        self.prompts.setCurrentIndex(0)
        self._changed()
        self.body.setFocus()

    def insert_template(self, text: str) -> None:
        current = self.body.toPlainText()
        body = text if not current.strip() else current.rstrip("\n") + "\n\n" + text
        self.body.setPlainText(body)
        cursor = self.body.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.body.setTextCursor(cursor)
        self.body.setFocus()

    def add_own(self, *, template: bool) -> None:
        kind = EntryKind(self.kind.currentData())
        what = "template" if template else "prompt"
        text, ok = QInputDialog.getMultiLineText(
            self, f"Add my own {what}",
            f"A {what} for “{kind.label}” entries, in your own words:" if not template else
            f"A template for “{kind.label}” entries: a few headings, one a line:")
        if not ok:
            return
        try:
            self.service.add_prompt(kind, text, is_template=template)
        except ValueError as exc:
            self._show_error(str(exc))
            return
        except VaultError as exc:
            self._show_error(str(exc))
            return
        self._fill_prompts(kind)
        self.status.setText(f"Your {what} was added.")

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    # -- saving ---------------------------------------------------------------------------------
    def flush(self) -> None:
        """Save now if anything changed (the autosave timer calls this too)."""
        self._timer.stop()
        if not self._dirty:
            return
        form = self._read_form()
        if form.id is None and not self._has_content(form):
            self._dirty = False
            return
        try:
            stored = self.service.save_entry(form)
        except EntryError as exc:
            self._show_error(str(exc))
            self.status.setText("Not saved yet")
            return
        except VaultError as exc:
            self._show_error(f"Couldn't save: {exc}. Your text is still here; it will be tried again.")
            self.status.setText("Not saved yet")
            self._timer.start(5000)
            return
        created = self._entry.id is None
        self._entry = stored
        self._dirty = False
        self.error.hide()
        self.status.setText("Saved")
        self.delete_button.setEnabled(True)
        self._show_heading()
        self.saved.emit(int(stored.id or 0), created)

    def has_pending(self) -> bool:
        return self._dirty

    def _ask_delete(self) -> None:
        if self._entry.id is None:
            return
        answer = QMessageBox.question(self, "Delete entry",
                                      "Delete this entry? You can undo it with Ctrl+Z until you close the app.")
        if answer == QMessageBox.StandardButton.Yes:
            self._timer.stop()
            self._dirty = False
            self.deleteRequested.emit(int(self._entry.id))
