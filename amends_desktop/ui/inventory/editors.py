"""Editors for one person and one harm. Every change saves itself shortly after typing stops.

Each editor keeps a single-shot debounce timer (``SAVE_DELAY_MS``); ``flush()`` saves at once and is
called by the tab on focus-out, on selection change, and by the main window before close, lock and
restore. A value that can't be stored (an empty name, a malformed amount) gets an inline message;
what was typed stays in the field and everything else is still saved.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from amends_desktop.domain.approx_date import parse_approx
from amends_desktop.domain.enums import FormalAmends, HarmCategory, Reachability, Relationship, Willingness
from amends_desktop.domain.restitution import MoneyError, parse_money
from amends_desktop.security.errors import VaultError
from amends_desktop.services.inventory import HarmRow, InventoryError, InventoryService, PersonRow

SAVE_DELAY_MS = 600
CURRENCIES = ("EUR", "USD", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "JPY", "INR", "ZAR")


def inline_error() -> QLabel:
    label = QLabel()
    label.setObjectName("inlineError")
    label.setWordWrap(True)
    label.setVisible(False)
    label.setAccessibleName("Message")
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def combo(values: list, name: str) -> QComboBox:  # type: ignore[type-arg]
    box = QComboBox()
    for v in values:
        box.addItem(v.label, v.value)
    box.setAccessibleName(name)
    return box


def set_combo(box: QComboBox, value: str) -> None:
    i = box.findData(value)
    box.setCurrentIndex(max(i, 0))


def text_box(name: str, placeholder: str = "", lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    metrics = box.fontMetrics()
    box.setMinimumHeight(metrics.lineSpacing() * lines + 12)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return box


def date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(name)
    return edit


def to_qdate(iso: str | None, fallback: date) -> QDate:
    d = date.fromisoformat(iso) if iso else fallback
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> str:
    return date(q.year(), q.month(), q.day()).isoformat()


class AutosaveForm(QWidget):
    """A form that saves itself: call ``changed()`` on every edit; implement ``save()``."""

    saveFailed = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dirty = False
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self._timer.start()

    def flush(self) -> None:
        """Save pending edits now (a no-op when nothing changed)."""
        self._timer.stop()
        if not self._dirty:
            return
        try:
            self.save()
        except VaultError as exc:
            self.saveFailed.emit(f"Couldn't save just now: {exc} What you typed is still here.")
            self._timer.start()  # try again shortly
            return
        self._dirty = False

    def save(self) -> None:
        raise NotImplementedError


class PersonEditor(AutosaveForm):
    """Name, relationship, reachability, Step 8 willingness (with a revisit date), notes."""

    saved = Signal(object)  # PersonRow
    planRequested = Signal(int)  # noqa: N815
    deleteRequested = Signal(int)  # noqa: N815

    def __init__(self, service: InventoryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.person_id: int | None = None
        self.is_self = False
        self.setAccessibleName("Person")

        self.name = QLineEdit()
        self.name.setAccessibleName("Name")
        self.name.setPlaceholderText("A name, a nickname or initials")
        self.name.setMaxLength(200)
        self.name_error = inline_error()
        self.relationship = combo([r for r in Relationship if r != Relationship.SELF], "Relationship")
        self.relationship.addItem(Relationship.SELF.label, Relationship.SELF.value)
        self.reachability = combo(list(Reachability), "Reachability")
        self.willingness = combo(list(Willingness), "Willing to make amends (Step 8)")
        self.revisit = date_edit("Revisit on")
        self.revisit.setToolTip("When you'd like to look at your willingness again")
        self.revisit_label = QLabel("&Revisit on")
        self.revisit_label.setBuddy(self.revisit)
        self.notes = text_box("Notes about this person", "Anything that helps you remember them as a whole person", 2)
        self.notes.setMaximumHeight(self.notes.fontMetrics().lineSpacing() * 5 + 12)
        self.plan_button = QPushButton("&Plan amends…")
        self.plan_button.setAccessibleName("Plan amends for this person")
        self.plan_button.setToolTip("Open the Planner with this person's plan (a new one if there is none yet)")
        self.delete_button = QPushButton("Delete person")
        self.delete_button.setAccessibleName("Delete this person")
        self.error = inline_error()

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)

        def label(text: str, buddy: QWidget) -> QLabel:
            lab = QLabel(text)
            lab.setBuddy(buddy)
            return lab

        grid.addWidget(label("&Name", self.name), 0, 0)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(label("Relations&hip", self.relationship), 0, 2)
        grid.addWidget(self.relationship, 0, 3)
        grid.addWidget(self.name_error, 1, 1, 1, 3)
        grid.addWidget(label("Rea&chable", self.reachability), 2, 0)
        grid.addWidget(self.reachability, 2, 1)
        grid.addWidget(label("&Willing", self.willingness), 2, 2)
        will_row = QHBoxLayout()
        will_row.addWidget(self.willingness, 1)
        will_row.addWidget(self.revisit_label)
        will_row.addWidget(self.revisit)
        grid.addLayout(will_row, 2, 3)
        grid.addWidget(label("N&otes", self.notes), 3, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.notes, 3, 1, 1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.plan_button)
        grid.addLayout(buttons, 4, 0, 1, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        grid.setRowStretch(3, 1)

        chain = [self.name, self.relationship, self.reachability, self.willingness, self.revisit, self.notes,
                 self.delete_button, self.plan_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.name.textEdited.connect(self.changed)
        self.relationship.currentIndexChanged.connect(self.changed)
        self.reachability.currentIndexChanged.connect(self.changed)
        self.willingness.currentIndexChanged.connect(self._willingness_changed)
        self.revisit.dateChanged.connect(self.changed)
        self.notes.textChanged.connect(self.changed)
        self.plan_button.clicked.connect(lambda: self.person_id and self.planRequested.emit(self.person_id))
        self.delete_button.clicked.connect(lambda: self.person_id and self.deleteRequested.emit(self.person_id))
        self.saveFailed.connect(lambda text: show_error(self.error, text))
        self.set_person(None)

    def _willingness_changed(self) -> None:
        not_yet = self.willingness.currentData() == Willingness.NOT_YET.value
        if not_yet and not self._loading and not self.revisit.isEnabled():
            self.revisit.setDate(to_qdate(None, date.today() + timedelta(days=30)))
        self._sync_revisit()
        self.changed()

    def _sync_revisit(self) -> None:
        not_yet = self.willingness.currentData() == Willingness.NOT_YET.value
        self.revisit.setEnabled(not_yet)
        self.revisit.setVisible(not_yet)
        self.revisit_label.setVisible(not_yet)

    def set_person(self, person_id: int | None) -> None:
        """Show a person (saving the one shown before)."""
        self.flush()
        self._loading = True
        try:
            person = self.service.person(person_id) if person_id is not None else None
            self.person_id = int(person.id or 0) if person else None
            self.is_self = bool(person and person.is_self)
            self.setEnabled(person is not None)
            show_error(self.name_error, "")
            show_error(self.error, "")
            self.name.setText(person.name if person else "")
            set_combo(self.relationship, (person.relationship if person else Relationship.OTHER).value)
            set_combo(self.reachability, (person.reachability if person else Reachability.UNKNOWN).value)
            set_combo(self.willingness, (person.willingness if person else Willingness.UNSURE).value)
            self.revisit.setDate(to_qdate(person.revisit_on if person else None, date.today() + timedelta(days=30)))
            self.notes.setPlainText(person.notes if person else "")
            self.relationship.setEnabled(not self.is_self)
            self.delete_button.setEnabled(person is not None and not self.is_self)
            self.delete_button.setToolTip("“Myself” stays in the list." if self.is_self else "")
            self._sync_revisit()
        finally:
            self._loading = False
            self._dirty = False

    def save(self) -> None:
        if self.person_id is None:
            return
        fields: dict[str, object] = {
            "reachability": self.reachability.currentData(),
            "willingness": self.willingness.currentData(),
            "notes": self.notes.toPlainText(),
            "revisit_on": from_qdate(self.revisit.date()) if self.revisit.isEnabled() else None,
        }
        if not self.is_self:
            fields["relationship"] = self.relationship.currentData()
        if self.name.text().strip():
            fields["name"] = self.name.text()
            show_error(self.name_error, "")
        else:
            show_error(self.name_error, "A name is needed. Even initials will do; the old name is kept until then.")
        try:
            self.service.update_person(self.person_id, **fields)
        except InventoryError as exc:
            fields.pop("name", None)
            show_error(self.name_error, str(exc))
            self.service.update_person(self.person_id, **fields)
        show_error(self.error, "")
        row = self.service.person_row(self.person_id)
        if row is not None:
            self.saved.emit(row)


class TagPicker(QWidget):
    """The defect tags as a checkable list, with a field to add one of your own."""

    toggled = Signal()
    manageRequested = Signal()  # noqa: N815

    def __init__(self, service: InventoryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.list = QListWidget()
        self.list.setAccessibleName("Defects behind this harm")
        self.list.setToolTip("Space ticks or unticks the pattern under the cursor")
        self.new_tag = QLineEdit()
        self.new_tag.setPlaceholderText("Add your own…")
        self.new_tag.setAccessibleName("New defect or pattern")
        self.new_tag.setMaxLength(60)
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName("Add this pattern")
        self.manage_button = QPushButton("Rename or merge…")
        self.manage_button.setAccessibleName("Rename or merge patterns")
        self.error = inline_error()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_tag, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.manage_button)
        self.list.itemChanged.connect(lambda _item: self.toggled.emit())
        self.add_button.clicked.connect(self.add_own)
        self.new_tag.returnPressed.connect(self.add_own)
        self.manage_button.clicked.connect(self.manageRequested.emit)
        self.reload()

    def reload(self, checked: set[int] | None = None) -> None:
        keep = self.checked_ids() if checked is None else checked
        with QSignalBlocker(self.list):
            self.list.clear()
            for use in self.service.tags():
                item = QListWidgetItem(use.tag.name)
                item.setData(Qt.ItemDataRole.UserRole, int(use.tag.id or 0))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if use.tag.id in keep else Qt.CheckState.Unchecked)
                self.list.addItem(item)

    def checked_ids(self) -> set[int]:
        out = set()
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.add(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_checked(self, ids: set[int]) -> None:
        with QSignalBlocker(self.list):
            for i in range(self.list.count()):
                item = self.list.item(i)
                on = int(item.data(Qt.ItemDataRole.UserRole)) in ids
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def add_own(self) -> None:
        try:
            tag = self.service.add_tag(self.new_tag.text())
        except InventoryError as exc:
            show_error(self.error, str(exc))
            return
        except VaultError as exc:
            show_error(self.error, str(exc))
            return
        show_error(self.error, "")
        self.new_tag.clear()
        self.reload(self.checked_ids() | {int(tag.id or 0)})
        self.toggled.emit()


class HarmEditor(AutosaveForm):
    """One harm: category, what happened, when, money, defects, root cause, formal amends, review."""

    saved = Signal(object)  # HarmRow

    def __init__(self, service: InventoryService, default_currency: str = "EUR", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.harm_id: int | None = None
        self.default_currency = default_currency or "EUR"
        self.setAccessibleName("Selected harm")

        self.category = combo(list(HarmCategory), "Category")
        self.what = text_box("What happened", "In specific words: what I did, to whom, and what it cost them", 3)
        self.when = QLineEdit()
        self.when.setAccessibleName("When")
        self.when.setPlaceholderText("e.g. summer 2019, 2019-07 or 2019")
        self.when.setMaxLength(80)
        self.when_hint = QLabel()
        self.when_hint.setWordWrap(True)
        self.when_hint.setAccessibleName("How the date is read")
        self.amount = QLineEdit()
        self.amount.setAccessibleName("Money involved")
        self.amount.setPlaceholderText("none")
        self.amount.setMaxLength(40)
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.setAccessibleName("Currency")
        self.currency.addItems(list(CURRENCIES))
        self.currency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.currency.lineEdit().setMaxLength(5)
        self.currency.lineEdit().setAccessibleName("Currency")
        self.money_error = inline_error()
        self.formal = combo(list(FormalAmends), "Calls for formal amends")
        self.reviewed = QCheckBox("Re&viewed with sponsor on")
        self.reviewed.setAccessibleName("Reviewed with sponsor")
        self.reviewed_on = date_edit("Date reviewed with sponsor")
        self.tags = TagPicker(service)
        self.root = text_box("Root cause", "What was going on in me: the fear, the want, the story I told myself", 2)
        self.notes = text_box("Notes about this harm", "", 2)
        self.error = inline_error()

        def label(text: str, buddy: QWidget) -> QLabel:
            lab = QLabel(text)
            lab.setBuddy(buddy)
            return lab

        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left.addRow(label("Cate&gory", self.category), self.category)
        left.addRow(label("Wh&en", self.when), self.when)
        left.addRow("", self.when_hint)
        money_row = QHBoxLayout()
        money_row.addWidget(self.amount, 1)
        money_row.addWidget(self.currency)
        left.addRow(label("&Money", self.amount), money_row)
        left.addRow("", self.money_error)
        left.addRow(label("&Formal amends", self.formal), self.formal)
        review_row = QHBoxLayout()
        review_row.addWidget(self.reviewed)
        review_row.addWidget(self.reviewed_on, 1)
        left.addRow(review_row)

        middle = QVBoxLayout()
        middle.addWidget(label("What &happened", self.what))
        middle.addWidget(self.what, 2)
        middle.addWidget(label("Roo&t cause", self.root))
        middle.addWidget(self.root, 1)
        middle.addWidget(label("Notes", self.notes))
        middle.addWidget(self.notes, 1)

        right = QVBoxLayout()
        right.addWidget(label("&Defects and patterns", self.tags.list))
        right.addWidget(self.tags, 1)

        columns = QHBoxLayout()
        columns.setSpacing(14)
        columns.addLayout(left, 3)
        columns.addLayout(middle, 4)
        columns.addLayout(right, 3)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(columns, 1)
        outer.addWidget(self.error)

        chain = [self.category, self.when, self.amount, self.currency, self.formal, self.reviewed, self.reviewed_on,
                 self.what, self.root, self.notes, self.tags.list, self.tags.new_tag, self.tags.add_button,
                 self.tags.manage_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.category.currentIndexChanged.connect(self.changed)
        self.what.textChanged.connect(self.changed)
        self.when.textEdited.connect(self._when_edited)
        self.amount.textEdited.connect(self.changed)
        self.currency.currentTextChanged.connect(self.changed)
        self.formal.currentIndexChanged.connect(self.changed)
        self.reviewed.toggled.connect(self._reviewed_toggled)
        self.reviewed_on.dateChanged.connect(self.changed)
        self.tags.toggled.connect(self.changed)
        self.root.textChanged.connect(self.changed)
        self.notes.textChanged.connect(self.changed)
        self.saveFailed.connect(lambda text: show_error(self.error, text))
        self.set_harm(None)

    # -- behaviour -------------------------------------------------------------------------
    def _when_edited(self, text: str) -> None:
        self._update_when_hint(text)
        self.changed()

    def _update_when_hint(self, text: str) -> None:
        if not text.strip():
            self.when_hint.setText("")
            self.when_hint.setVisible(False)
            return
        parsed = parse_approx(text)
        if parsed is None:
            hint = "Kept as you wrote it. It's listed after the dates the app can place."
        elif parsed.start == parsed.end:
            hint = f"Read as {parsed.start.day} {parsed.start:%B %Y}."
        else:
            hint = f"Read as {parsed.start.day} {parsed.start:%b %Y} to {parsed.end.day} {parsed.end:%b %Y}."
        self.when_hint.setText(hint)
        self.when_hint.setVisible(True)

    def _reviewed_toggled(self, on: bool) -> None:
        self.reviewed_on.setEnabled(on)
        if on and not self._loading:
            self.reviewed_on.setDate(QDate.currentDate())
        self.changed()

    def set_harm(self, harm_id: int | None) -> None:
        self.flush()
        self._loading = True
        try:
            row = self.service.harm_row(harm_id) if harm_id is not None else None
            self.harm_id = row.id if row else None
            self.setEnabled(row is not None)
            h = row.harm if row else None
            show_error(self.money_error, "")
            show_error(self.error, "")
            set_combo(self.category, (h.category if h else HarmCategory.OTHER).value)
            self.what.setPlainText(h.what_happened if h else "")
            self.when.setText(h.when_text if h else "")
            self._update_when_hint(self.when.text())
            if h is not None and h.amount_minor is not None:
                self.amount.setText(f"{h.amount_minor // 100}.{h.amount_minor % 100:02d}")
                self.currency.setCurrentText(h.currency or self.default_currency)
            else:
                self.amount.setText("")
                self.currency.setCurrentText(self.default_currency)
            set_combo(self.formal, (h.formal_amends if h else FormalAmends.UNDECIDED).value)
            self.reviewed.setChecked(bool(h and h.reviewed_on))
            self.reviewed_on.setEnabled(bool(h and h.reviewed_on))
            self.reviewed_on.setDate(to_qdate(h.reviewed_on if h else None, date.today()))
            self.tags.reload(set(row.tag_ids) if row else set())
            self.root.setPlainText(h.root_cause if h else "")
            self.notes.setPlainText(h.notes if h else "")
        finally:
            self._loading = False
            self._dirty = False

    def save(self) -> None:
        if self.harm_id is None:
            return
        changes: dict[str, object] = {
            "category": self.category.currentData(),
            "what_happened": self.what.toPlainText(),
            "when_text": self.when.text().strip(),
            "formal_amends": self.formal.currentData(),
            "reviewed_on": from_qdate(self.reviewed_on.date()) if self.reviewed.isChecked() else None,
            "root_cause": self.root.toPlainText(),
            "notes": self.notes.toPlainText(),
        }
        amount_text = self.amount.text().strip()
        money_ok = True
        if not amount_text:
            changes["amount_minor"] = None
            changes["currency"] = ""
        else:
            try:
                changes["amount_minor"] = parse_money(amount_text)
                changes["currency"] = self.currency.currentText().strip().upper() or self.default_currency
            except MoneyError as exc:
                money_ok = False
                show_error(self.money_error, f"{exc} The amount saved before is kept until then.")
        try:
            row = self.service.update_harm(self.harm_id, tag_ids=sorted(self.tags.checked_ids()), **changes)
        except InventoryError as exc:
            money_ok = False
            show_error(self.money_error, str(exc))
            changes.pop("amount_minor", None)
            changes.pop("currency", None)
            row = self.service.update_harm(self.harm_id, tag_ids=sorted(self.tags.checked_ids()), **changes)
        if money_ok:
            show_error(self.money_error, "")
        show_error(self.error, "")
        self.saved.emit(row)

    def set_tags_reloaded(self) -> None:
        """After tags were renamed or merged elsewhere: re-read the list, keeping the harm's ticks."""
        if self.harm_id is None:
            self.tags.reload(set())
            return
        row = self.service.harm_row(self.harm_id)
        self.tags.reload(set(row.tag_ids) if row else set())


class NewPersonRow(QWidget):
    """An inline field for the name of a new person, with Add and Cancel."""

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Name of the person (or initials)")
        self.name.setAccessibleName("Name of the new person")
        self.name.setMaxLength(200)
        self.add = QPushButton("Add")
        self.add.setAccessibleName("Add this person")
        self.cancel = QPushButton("Cancel")
        self.cancel.setAccessibleName("Cancel adding a person")
        self.error = inline_error()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.add)
        row.addWidget(self.cancel)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.name.returnPressed.connect(lambda: self.submitted.emit(self.name.text()))
        self.add.clicked.connect(lambda: self.submitted.emit(self.name.text()))
        self.cancel.clicked.connect(self.cancelled.emit)

    def open(self) -> None:
        self.name.clear()
        show_error(self.error, "")
        self.setVisible(True)
        self.name.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class PersonRowSummary(QLabel):
    """Under the list: how many people and harms are shown."""

    def show_counts(self, people: list[PersonRow], shown: int) -> None:
        harms = sum(p.harm_count for p in people)
        total = len(people)
        if shown == total:
            self.setText(f"{total} {'person' if total == 1 else 'people'}, {harms} {'harm' if harms == 1 else 'harms'}")
        else:
            self.setText(f"Showing {shown} of {total} people")


__all__ = ["HarmEditor", "HarmRow", "NewPersonRow", "PersonEditor", "PersonRowSummary", "TagPicker"]
