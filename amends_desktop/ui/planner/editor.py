"""The plan editor: one plan, in sections chosen from a list on the left.

Every field saves itself shortly after typing stops (no Save button); rules come from the service.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from amends_desktop.domain import models as m
from amends_desktop.domain.enums import (
    Answer,
    Cadence,
    Hold,
    IndirectKind,
    OutcomeKind,
    PermissionAnswer,
    PlanType,
    SafetyVerdict,
    Stage,
)
from amends_desktop.domain.restitution import MoneyError, format_money, parse_money
from amends_desktop.domain.safety import (
    SAFETY_QUESTIONS,
    direct_allowed,
    safety_verdict,
    verdict_explanation,
    verdict_reasons,
)
from amends_desktop.domain.script_check import KIND_LABELS, check_script
from amends_desktop.domain.stages import STAGE_ORDER
from amends_desktop.services.planner import PlannerError, PlannerService
from amends_desktop.ui.navigation import Navigator
from amends_desktop.ui.planner.widgets import (
    Col,
    DateField,
    Page,
    PeriodStrip,
    RecordTableModel,
    ScriptHighlighter,
    hint,
    make_table,
    row,
    selected_record,
    subheading,
)

SECTIONS: tuple[tuple[str, str], ...] = (
    ("harms", "Harms and type"),
    ("safety", "Safety"),
    ("readiness", "Readiness"),
    ("approach", "Approach"),
    ("script", "What I'll say"),
    ("responses", "Responses and changes"),
    ("restitution", "Restitution"),
    ("living", "Living amends"),
    ("indirect", "Indirect amends"),
    ("outcome", "How it went"),
)
SAVE_DELAY_MS = 500
CHECK_DELAY_MS = 250
VERDICT_COLOURS = {
    SafetyVerdict.UNANSWERED: "#6c757d",
    SafetyVerdict.CLEAR: "#2e7d4f",
    SafetyVerdict.CAUTION: "#a0522d",
    SafetyVerdict.DO_NOT_CONTACT: "#b03a2e",
}

UndoPush = Callable[[str, Callable[[], None]], None]


def _text_edit(name: str, height: int = 90, placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(max(int(height * 1.5), 90))
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def _button(text: str, name: str | None = None) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name or text.replace("&", "").rstrip("…"))
    return button


def _combo(name: str, choices: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for label, value in choices:
        combo.addItem(label, value)
    return combo


def _form() -> tuple[QWidget, QFormLayout]:
    box = QWidget()
    form = QFormLayout(box)
    form.setContentsMargins(0, 0, 0, 0)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
    return box, form


def _money_or_none(text: str) -> int | None:
    return parse_money(text) if text.strip() else None


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class PlanEditor(QWidget):
    """Edits one plan. ``planChanged`` fires when something the board or due list shows changed."""

    planChanged = Signal(int)  # noqa: N815
    planDeleted = Signal(int)  # noqa: N815

    def __init__(self, service: PlannerService, navigator: Navigator, push_undo: UndoPush, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.navigator = navigator
        self.push_undo = push_undo
        self.plan: m.Plan | None = None
        self.person: m.Person | None = None
        self._loading = False
        self._pending: dict[str, Any] = {}
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self._run_script_check)
        self._letter_timer = QTimer(self)
        self._letter_timer.setSingleShot(True)
        self._letter_timer.setInterval(SAVE_DELAY_MS)
        self._letter_timer.timeout.connect(self._save_letter)
        self._ledger_timer = QTimer(self)
        self._ledger_timer.setSingleShot(True)
        self._ledger_timer.setInterval(SAVE_DELAY_MS)
        self._ledger_timer.timeout.connect(self._save_ledger)
        self._letter_action: m.IndirectAction | None = None
        self._checked_text: str | None = None
        self._build()
        self.load(None)

    # == building ======================================================================================
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAccessibleName("Plan")
        self.title.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Plan status")

        self.type_combo = _combo("Type of amends", [(t.label, t) for t in PlanType])
        self.type_combo.activated.connect(self._type_chosen)
        self.stage_combo = _combo("Stage", [(s.label, s) for s in STAGE_ORDER])
        self.stage_combo.activated.connect(self._stage_chosen)
        self.next_button = _button("Next stage →", "Next stage")
        self.next_button.clicked.connect(self._next_stage)
        self.pause_button = _button("Pause…")
        self.pause_button.setToolTip("Rest this plan, for example when the work stirs up cravings")
        self.pause_button.clicked.connect(lambda: self._hold(Hold.PAUSED))
        self.defer_button = _button("Set aside…")
        self.defer_button.setToolTip("Not now: timing, or their circumstances")
        self.defer_button.clicked.connect(lambda: self._hold(Hold.DEFERRED))
        self.not_possible_button = _button("Not possible…")
        self.not_possible_button.clicked.connect(lambda: self._hold(Hold.NOT_POSSIBLE))
        self.resume_button = _button("Resume")
        self.resume_button.clicked.connect(self._resume)
        type_label = QLabel("&Type")
        type_label.setBuddy(self.type_combo)
        stage_label = QLabel("St&age")
        stage_label.setBuddy(self.stage_combo)
        controls = QHBoxLayout()
        for w in (type_label, self.type_combo, stage_label, self.stage_combo, self.next_button):
            controls.addWidget(w)
        controls.addStretch(1)
        for w in (self.pause_button, self.defer_button, self.not_possible_button, self.resume_button):
            controls.addWidget(w)

        self.error = QLabel()
        self.error.setObjectName("inlineError")
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Message")
        self.error.hide()
        self.gentle = QLabel()
        self.gentle.setWordWrap(True)
        self.gentle.setAccessibleName("Note")
        self.gentle.setStyleSheet("QLabel { background: rgba(46,125,79,0.10); border-radius: 6px; padding: 8px; }")
        self.gentle.hide()

        header = QWidget()
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(12, 8, 12, 4)
        header_layout.addWidget(self.title)
        header_layout.addWidget(self.status)
        header_layout.addLayout(controls)
        header_layout.addWidget(self.error)
        header_layout.addWidget(self.gentle)
        layout.addWidget(header)

        self.sections = QListWidget()
        self.sections.setAccessibleName("Plan sections")
        self.sections.setFixedWidth(200)
        self.sections.setSpacing(2)
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        builders = {
            "harms": self._build_harms,
            "safety": self._build_safety,
            "readiness": self._build_readiness,
            "approach": self._build_approach,
            "script": self._build_script,
            "responses": self._build_responses,
            "restitution": self._build_restitution,
            "living": self._build_living,
            "indirect": self._build_indirect,
            "outcome": self._build_outcome,
        }
        for key, label in SECTIONS:
            page = builders[key](label)
            page.finish()
            self.pages[key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sections.addItem(item)
        self.sections.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sections.setCurrentRow(0)

        body = QWidget()
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(8, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(self.sections)
        body_layout.addWidget(self.stack, 1)
        self.body = body
        self.empty = QLabel("Choose a plan on the left, or start one from a person in the Inventory.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.outer_stack = QStackedWidget()
        self.outer_stack.addWidget(self.empty)
        self.outer_stack.addWidget(body)
        layout.addWidget(self.outer_stack, 1)
        self.header = header

    def show_section(self, key: str) -> None:
        for i, (k, _label) in enumerate(SECTIONS):
            if k == key:
                self.sections.setCurrentRow(i)

    def current_section(self) -> str:
        return SECTIONS[self.stack.currentIndex()][0]

    # -- harms and type ------------------------------------------------------------------------------
    def _build_harms(self, title: str) -> Page:
        page = Page(title, "Which harms from your inventory this plan covers, and what kind of amends fits. "
                    "Plans can change type as you go; a direct conversation is often followed by living amends.")
        page.add(subheading("Harms covered"))
        self.harm_list = QListWidget()
        self.harm_list.setAccessibleName("Harms covered")
        self.harm_list.setWordWrap(True)
        self.harm_list.setMinimumHeight(140)
        self.harm_list.itemChanged.connect(self._harm_toggled)
        page.add(self.harm_list)
        self.no_harms = hint("No harms are written down for this person yet. You can add them in the Inventory.")
        page.add(self.no_harms)
        self.to_inventory = _button("Show this person in the Inventory")
        self.to_inventory.clicked.connect(
            lambda: self.plan and self.navigator.personRequested.emit(self.plan.person_id, 0)
        )
        page.add(row(self.to_inventory))
        page.add(subheading("Kinds of amends"))
        page.add(hint("Direct: naming the harm to them and repairing what can be repaired.  Living: a lasting change "
                      "in how you behave.  Indirect: a donation, service, or a letter never sent, when contact "
                      "isn't possible or would hurt.  To myself: health, work, money, self-compassion."))
        page.add(subheading("Notes"))
        self.notes = _text_edit("Plan notes", 90)
        self._bind_text(self.notes, "notes")
        page.add(self.notes)
        self.delete_button = _button("Delete this plan…")
        self.delete_button.clicked.connect(self._delete_plan)
        page.add(row(None, self.delete_button))
        return page

    # -- safety --------------------------------------------------------------------------------------
    def _build_safety(self, title: str) -> Page:
        page = Page(title, "\u201cExcept when to do so would injure them or others.\u201d Answer these before a direct "
                    "plan can be ready. There are no wrong answers; they are here to protect them, and you.")
        self.safety_groups: dict[str, QButtonGroup] = {}
        choices = ((Answer.YES, "Yes"), (Answer.NO, "No"), (Answer.UNSURE, "Not sure"))
        for q in SAFETY_QUESTIONS:
            box = QFrame()
            box.setFrameShape(QFrame.Shape.StyledPanel)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(10, 8, 10, 8)
            inner.addWidget(subheading(q.question))
            inner.addWidget(hint(q.help))
            group = QButtonGroup(box)
            buttons = QHBoxLayout()
            for answer, label in choices:
                radio = QRadioButton(label)
                radio.setAccessibleName(f"{q.question} {label}")
                radio.setProperty("answer", answer.value)
                group.addButton(radio)
                buttons.addWidget(radio)
            buttons.addStretch(1)
            inner.addLayout(buttons)
            group.buttonClicked.connect(lambda button, f=q.field: self._safety_answered(f, button))
            self.safety_groups[q.field] = group
            page.add(box)
        self.verdict = QLabel()
        self.verdict.setAccessibleName("Safety verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        page.add(self.verdict)
        self.offer_box = QFrame()
        self.offer_box.setStyleSheet("QFrame#offer { background: rgba(46,125,79,0.10); border-radius: 6px; }")
        self.offer_box.setObjectName("offer")
        offer_layout = QVBoxLayout(self.offer_box)
        offer_layout.addWidget(QLabel("You can still make amends, in a way that keeps everyone safe:"))
        self.to_living = _button("Make it living amends")
        self.to_living.clicked.connect(lambda: self._switch_type(PlanType.LIVING))
        self.to_indirect = _button("Make it indirect amends")
        self.to_indirect.clicked.connect(lambda: self._switch_type(PlanType.INDIRECT))
        offer_layout.addWidget(row(self.to_living, self.to_indirect))
        page.add(self.offer_box)
        page.add(subheading("Reviewed with my sponsor or counselor"))
        box, form = _form()
        self.review_by = _line("Reviewed by", "Who looked at this with you")
        self._bind_line(self.review_by, "safety_review_by")
        self.review_decision = _text_edit("What they decided", 70)
        self._bind_text(self.review_decision, "safety_review_decision")
        self.review_on = DateField("Reviewed on")
        self._bind_date(self.review_on, "safety_review_on")
        form.addRow("Reviewed &by", self.review_by)
        form.addRow("What they &decided", self.review_decision)
        form.addRow("On", self.review_on)
        page.add(box)
        return page

    # -- readiness -----------------------------------------------------------------------------------
    def _build_readiness(self, title: str) -> Page:
        page = Page(title, "What needs to be in place first. The list is worked out from your settings and this plan.")
        self.checklist = QLabel()
        self.checklist.setTextFormat(Qt.TextFormat.RichText)
        self.checklist.setWordWrap(True)
        self.checklist.setAccessibleName("Readiness checklist")
        self.checklist.setStyleSheet("QLabel { padding: 6px; }")
        page.add(self.checklist)
        box, form = _form()
        self.inventory_done = QCheckBox("The inventory for this person is done")
        self.inventory_done.setAccessibleName("Inventory done")
        self._bind_check(self.inventory_done, "inventory_done")
        self.reviewed_on = DateField("Reviewed with sponsor on")
        self._bind_date(self.reviewed_on, "reviewed_on")
        self.support_person = _line("Support afterwards", "Who you'll call afterwards")
        self._bind_line(self.support_person, "support_person")
        self.halt_done = QCheckBox("I did a HALT check today")
        self.halt_done.setAccessibleName("HALT check done today")
        self.halt_done.toggled.connect(self._halt_toggled)
        self.exit_plan = _text_edit("Exit plan", 60, "How you'll leave if it gets too hard")
        self._bind_text(self.exit_plan, "exit_plan")
        form.addRow("", self.inventory_done)
        form.addRow("Reviewed with sponsor on", self.reviewed_on)
        form.addRow("&Support afterwards", self.support_person)
        halt_box = QWidget()
        halt_layout = QVBoxLayout(halt_box)
        halt_layout.setContentsMargins(0, 0, 0, 0)
        halt_layout.addWidget(self.halt_done)
        halt_layout.addWidget(hint("On the day: am I hungry, angry, lonely or tired? If so, look after that first."))
        form.addRow("HALT", halt_box)
        form.addRow("E&xit plan", self.exit_plan)
        page.add(box)
        page.add(subheading("Ready anyway?"))
        page.add(hint("If you and your sponsor feel it's ready even though something above is missing, write down why."))
        self.override = _text_edit("Reason for marking ready anyway", 60)
        self._bind_text(self.override, "ready_override_reason")
        page.add(self.override)
        self.mark_ready = _button("Mark as ready")
        self.mark_ready.clicked.connect(lambda: self._change_stage(Stage.READY))
        page.add(row(self.mark_ready))
        return page

    # -- approach ------------------------------------------------------------------------------------
    def _build_approach(self, title: str) -> Page:
        page = Page(title, "When and where, how to make first contact, and asking their permission. If they are "
                    "going through a hard time, waiting is often the kind choice.")
        box, form = _form()
        self.when_where = _text_edit("When and where", 60, "Somewhere private, at a time that suits them")
        self._bind_text(self.when_where, "when_where")
        self.first_contact = _text_edit("First contact", 60, "A call first? A short letter asking if they'd be willing to meet?")
        self._bind_text(self.first_contact, "first_contact")
        self.circumstances = _text_edit("Their circumstances", 60, "What is going on for them right now")
        self._bind_text(self.circumstances, "circumstances")
        form.addRow("&When and where", self.when_where)
        form.addRow("&First contact", self.first_contact)
        form.addRow("Their &circumstances", self.circumstances)
        page.add(box)
        page.add(subheading("Asking permission"))
        self.permission_model = RecordTableModel([
            Col("Asked on", lambda r: r.asked_on or "", edit=self._edit_permission("asked_on")),
            Col("Answer", lambda r: r.answer.label if r.answer else "Not yet"),
            Col("Not before", lambda r: r.not_before or "", edit=self._edit_permission("not_before")),
            Col("Note", lambda r: r.note, edit=self._edit_permission("note")),
        ], self)
        self.permission_model.editFailed.connect(self.show_error)
        self.permission_view = make_table(self.permission_model, "Permission log", rows=3)
        page.add(self.permission_view)
        self.ask_on = DateField("Asked on")
        self.ask_answer = _combo("Their answer", [("No answer yet", None)] + [(a.label, a) for a in PermissionAnswer])
        self.ask_not_before = DateField("Not before")
        self.ask_note = _line("Permission note", "Anything they said")
        add = _button("Add to the log")
        add.clicked.connect(self._add_permission)
        remove = _button("Remove selected", "Remove selected permission entry")
        remove.clicked.connect(self._remove_permission)
        box, form = _form()
        form.addRow("Asked on", self.ask_on)
        form.addRow("Their answer", self.ask_answer)
        form.addRow("Not before", self.ask_not_before)
        form.addRow("Note", self.ask_note)
        page.add(box)
        page.add(row(add, remove))
        return page

    # -- script --------------------------------------------------------------------------------------
    def _build_script(self, title: str) -> Page:
        page = Page(title, "Write what you'd like to say. The notes on the right are gentle suggestions from an "
                    "offline check; they never stop you. Forgiveness is theirs to give, and not the goal.")
        split = QSplitter(Qt.Orientation.Horizontal)
        self.script = QPlainTextEdit()
        self.script.setAccessibleName("Script")
        self.script.setTabChangesFocus(True)
        self.script.setMinimumHeight(320)
        self.script.setPlaceholderText("Name what you did, own it, offer to put it right, listen, and say what will change.")
        self.highlighter = ScriptHighlighter(self.script.document())
        self.script.textChanged.connect(self._script_changed)
        self._bind_text(self.script, "script")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        self.findings_summary = QLabel()
        self.findings_summary.setWordWrap(True)
        self.findings_summary.setAccessibleName("Script check summary")
        self.findings = QListWidget()
        self.findings.setAccessibleName("Script check notes")
        self.findings.setWordWrap(True)
        self.findings.setSpacing(4)
        self.findings.itemActivated.connect(self._finding_chosen)
        self.findings.itemClicked.connect(self._finding_chosen)
        side_layout.addWidget(self.findings_summary)
        side_layout.addWidget(self.findings, 1)
        split.addWidget(self.script)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setMinimumHeight(380)
        page.add(split, 1)
        return page

    # -- responses and commitments ---------------------------------------------------------------------
    def _build_responses(self, title: str) -> Page:
        page = Page(title, "How they might respond, and how you'd like to answer, calmly and without defending yourself.")
        self.responses_model = RecordTableModel([
            Col("They might say", lambda r: r.response, edit=self._edit_response("response")),
            Col("I could answer", lambda r: r.my_answer, edit=self._edit_response("my_answer")),
        ], self)
        self.responses_model.editFailed.connect(self.show_error)
        self.responses_view = make_table(self.responses_model, "Expected responses", rows=4)
        self.responses_view.horizontalHeader().setDefaultSectionSize(320)
        page.add(self.responses_view)
        add = _button("Add a response")
        add.clicked.connect(self._add_response)
        remove = _button("Remove selected", "Remove selected response")
        remove.clicked.connect(self._remove_response)
        page.add(row(add, remove))
        page.add(hint("Double-click a cell, or select it and press F2, to write in it."))
        page.add(subheading("What I'll do differently"))
        self.commitments_text = _text_edit("What I'll do differently", 90, "Concrete changes: \u201cI'll call every Sunday\u201d")
        self._bind_text(self.commitments_text, "commitments_text")
        page.add(self.commitments_text)
        page.add(hint("To track a change week by week, add it under Living amends."))
        return page

    # -- restitution ---------------------------------------------------------------------------------
    def _build_restitution(self, title: str) -> Page:
        page = Page(title, "Paying back what you can, at a pace you can keep. An estimate is fine.")
        self.start_ledger = _button("Add restitution to this plan")
        self.start_ledger.clicked.connect(self._start_ledger)
        page.add(row(self.start_ledger))
        self.ledger_box = QWidget()
        lay = QVBoxLayout(self.ledger_box)
        lay.setContentsMargins(0, 0, 0, 0)
        box, form = _form()
        self.currency = _line("Currency", "EUR")
        self.currency.setMaximumWidth(90)
        self.owed = _line("Amount owed", "0.00")
        self.owed.setMaximumWidth(160)
        self.owed_estimate = QCheckBox("This is an estimate")
        self.owed_estimate.setAccessibleName("Amount owed is an estimate")
        self.affordable = _line("Affordable per month", "0.00")
        self.affordable.setMaximumWidth(160)
        for w in (self.currency, self.owed, self.affordable):
            w.textEdited.connect(lambda _t: self._ledger_timer.start())
        self.owed_estimate.toggled.connect(lambda _c: (not self._loading) and self._ledger_timer.start())
        form.addRow("Currency", self.currency)
        form.addRow("&Owed", row(self.owed, self.owed_estimate))
        form.addRow("Afford&able per month", self.affordable)
        lay.addWidget(box)
        self.balance = QLabel()
        self.balance.setAccessibleName("Balance")
        self.balance.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Paid so far")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.next_payment = QLabel()
        self.next_payment.setAccessibleName("Next payment")
        lay.addWidget(self.balance)
        lay.addWidget(self.progress)
        lay.addWidget(self.next_payment)
        lay.addWidget(subheading("Schedule"))
        self.first_due = DateField("First payment on")
        make = _button("Make a schedule")
        make.clicked.connect(self._make_schedule)
        lay.addWidget(row(QLabel("First payment on"), self.first_due, make))
        self.schedule_model = RecordTableModel([
            Col("Due on", lambda r: r.due_on, edit=self._edit_instalment("due_on")),
            Col("Amount", lambda r: self._money(r.amount_minor), sort=lambda r: r.amount_minor,
                raw=lambda r: format_money(r.amount_minor, ""), edit=self._edit_instalment("amount")),
        ], self)
        self.schedule_model.editFailed.connect(self.show_error)
        self.schedule_view = make_table(self.schedule_model, "Payment schedule", rows=4)
        lay.addWidget(self.schedule_view)
        remove_inst = _button("Remove selected", "Remove selected instalment")
        remove_inst.clicked.connect(self._remove_instalment)
        lay.addWidget(row(remove_inst))
        lay.addWidget(subheading("Payments made"))
        self.payments_model = RecordTableModel([
            Col("Paid on", lambda r: r.paid_on),
            Col("Amount", lambda r: self._money(r.amount_minor), sort=lambda r: r.amount_minor),
            Col("How", lambda r: r.method),
            Col("Note", lambda r: r.note),
        ], self)
        self.payments_view = make_table(self.payments_model, "Payments made", rows=4)
        lay.addWidget(self.payments_view)
        self.pay_on = DateField("Paid on")
        self.pay_amount = _line("Payment amount", "0.00")
        self.pay_amount.setMaximumWidth(140)
        self.pay_method = _line("Paid how", "cash, transfer…")
        self.pay_note = _line("Payment note")
        record = self.record_payment = _button("Record payment")
        record.clicked.connect(self._add_payment)
        remove_pay = _button("Remove selected", "Remove selected payment")
        remove_pay.clicked.connect(self._remove_payment)
        box, form = _form()
        form.addRow("Paid on", self.pay_on)
        form.addRow("Amount", self.pay_amount)
        form.addRow("How", self.pay_method)
        form.addRow("Note", self.pay_note)
        lay.addWidget(box)
        lay.addWidget(row(record, remove_pay))
        lay.addWidget(subheading("Can't find them?"))
        lay.addWidget(hint("If they can't be found, what is still owed can go to a cause instead. It is recorded "
                           "as an indirect amends."))
        self.cause = _line("Cause", "A cause that fits, such as a food bank")
        redirect = _button("Give the balance to this cause")
        redirect.clicked.connect(self._redirect)
        self.redirected = QLabel()
        self.redirected.setWordWrap(True)
        lay.addWidget(row(self.cause, redirect, stretch_last=True))
        lay.addWidget(self.redirected)
        page.add(self.ledger_box)
        return page

    # -- living amends -------------------------------------------------------------------------------
    def _build_living(self, title: str) -> Page:
        page = Page(title, "Changed behaviour over time, such as \u201cdinner with Mum every Sunday\u201d. Check in as "
                    "you go; a missed week is information, not failure.")
        self.commit_model = RecordTableModel([
            Col("What", lambda v: v.commitment.description, edit=self._edit_commitment),
            Col("How often", lambda v: v.commitment.cadence.label),
            Col("Since", lambda v: v.commitment.started_on or ""),
            Col("Streak now", lambda v: str(v.streaks.current), sort=lambda v: v.streaks.current),
            Col("Best", lambda v: str(v.streaks.best), sort=lambda v: v.streaks.best),
        ], self)
        self.commit_model.editFailed.connect(self.show_error)
        self.commit_view = make_table(self.commit_model, "Commitments", rows=3)
        self.commit_view.horizontalHeader().resizeSection(0, 300)
        self.commit_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_commitment())
        page.add(self.commit_view)
        self.new_commit = _line("New commitment", "What you'll keep doing")
        self.new_cadence = _combo("How often", [(c.label, c) for c in Cadence])
        self.new_cadence.setCurrentIndex(1)
        add = _button("Add commitment")
        add.clicked.connect(self._add_commitment)
        remove = _button("Remove selected", "Remove selected commitment")
        remove.clicked.connect(self._remove_commitment)
        page.add(row(self.new_commit, self.new_cadence, add, remove, stretch_last=True))
        self.commit_detail = QWidget()
        d = QVBoxLayout(self.commit_detail)
        d.setContentsMargins(0, 8, 0, 0)
        self.streak_label = QLabel()
        self.streak_label.setAccessibleName("Streak")
        self.strip = PeriodStrip()
        d.addWidget(self.streak_label)
        d.addWidget(self.strip)
        self.checkin_on = DateField("Check-in date")
        self.checkin_note = _line("Check-in note", "A word about it (optional)")
        kept = _button("Kept it")
        kept.clicked.connect(lambda: self._check_in(True))
        missed = _button("Missed it")
        missed.clicked.connect(lambda: self._check_in(False))
        d.addWidget(row(QLabel("Date"), self.checkin_on, self.checkin_note, kept, missed, stretch_last=True))
        self.checkins_model = RecordTableModel([
            Col("Date", lambda c: c.on_date),
            Col("Kept", lambda c: "Kept" if c.kept else "Missed"),
            Col("Note", lambda c: c.note),
        ], self)
        self.checkins_view = make_table(self.checkins_model, "Check-ins", rows=4)
        d.addWidget(self.checkins_view)
        remove_ci = _button("Remove selected", "Remove selected check-in")
        remove_ci.clicked.connect(self._remove_check_in)
        d.addWidget(row(remove_ci))
        page.add(self.commit_detail)
        return page

    # -- indirect amends -----------------------------------------------------------------------------
    def _build_indirect(self, title: str) -> Page:
        page = Page(title, "When direct contact isn't possible or would hurt: a donation, service, community work, or "
                    "a letter you write and never send. Letters stay inside the encrypted vault.")
        self.indirect_model = RecordTableModel([
            Col("Kind", lambda a: a.kind.label),
            Col("Date", lambda a: a.on_date or "", edit=self._edit_indirect("on_date")),
            Col("Amount or hours", self._indirect_amount),
            Col("Notes", lambda a: a.notes, edit=self._edit_indirect("notes")),
        ], self)
        self.indirect_model.editFailed.connect(self.show_error)
        self.indirect_view = make_table(self.indirect_model, "Indirect amends", rows=4)
        self.indirect_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_letter())
        page.add(self.indirect_view)
        self.ind_kind = _combo("Kind of indirect amends", [(k.label, k) for k in IndirectKind])
        self.ind_on = DateField("Date of indirect amends")
        self.ind_amount = _line("Amount given", "0.00")
        self.ind_amount.setMaximumWidth(120)
        self.ind_hours = _line("Hours given", "hours")
        self.ind_hours.setMaximumWidth(90)
        self.ind_notes = _line("Notes on indirect amends")
        add = _button("Add")
        add.setAccessibleName("Add indirect amends")
        add.clicked.connect(self._add_indirect)
        remove = _button("Remove selected", "Remove selected indirect amends")
        remove.clicked.connect(self._remove_indirect)
        box, form = _form()
        form.addRow("Kind", self.ind_kind)
        form.addRow("Date", self.ind_on)
        form.addRow("Amount / hours", row(self.ind_amount, self.ind_hours))
        form.addRow("Notes", self.ind_notes)
        page.add(box)
        page.add(row(add, remove))
        page.add(subheading("Unsent letter"))
        self.new_letter = _button("Write an unsent letter")
        self.new_letter.clicked.connect(self._new_letter)
        page.add(row(self.new_letter))
        self.letter_hint = hint("Select an unsent letter above to read or keep writing it.")
        page.add(self.letter_hint)
        self.letter = QPlainTextEdit()
        self.letter.setAccessibleName("Unsent letter")
        self.letter.setTabChangesFocus(True)
        self.letter.setMinimumHeight(220)
        self.letter.textChanged.connect(lambda: (not self._loading) and self._letter_timer.start())
        page.add(self.letter)
        return page

    # -- outcome -------------------------------------------------------------------------------------
    def _build_outcome(self, title: str) -> Page:
        page = Page(title, "What happened when you made amends. The value is in taking responsibility, whatever "
                    "their response.")
        self.outcome_model = RecordTableModel([
            Col("Date", lambda o: o.on_date or ""),
            Col("How it went", lambda o: o.kind.label),
            Col("Door open", lambda o: "Yes" if o.door_open else "No"),
            Col("Next step", lambda o: o.next_step),
            Col("Follow up", lambda o: o.follow_up_on or ""),
        ], self)
        self.outcome_view = make_table(self.outcome_model, "Outcomes", rows=3)
        page.add(self.outcome_view)
        page.add(subheading("Record what happened"))
        box, form = _form()
        self.out_kind = _combo("How it went", [(k.label, k) for k in OutcomeKind])
        self.out_on = DateField("Date it happened")
        self.out_heard = _text_edit("What I heard", 60)
        self.out_promised = _text_edit("What I promised", 60)
        self.out_door = QCheckBox("I left the door open")
        self.out_door.setChecked(True)
        self.out_door.setAccessibleName("Door left open")
        self.out_next = _line("Next step")
        self.out_follow = DateField("Follow up on")
        form.addRow("&How it went", self.out_kind)
        form.addRow("Date", self.out_on)
        form.addRow("What I &heard", self.out_heard)
        form.addRow("What I &promised", self.out_promised)
        form.addRow("", self.out_door)
        form.addRow("Next step", self.out_next)
        form.addRow("Follow up on", self.out_follow)
        page.add(box)
        self.record_outcome = _button("Record what happened")
        self.record_outcome.clicked.connect(self._record_outcome)
        page.add(row(self.record_outcome))
        self.rejection_box = QFrame()
        self.rejection_box.setObjectName("rejection")
        self.rejection_box.setStyleSheet("QFrame#rejection { background: rgba(46,125,79,0.10); border-radius: 6px; }")
        rl = QVBoxLayout(self.rejection_box)
        rl.setContentsMargins(12, 10, 12, 10)
        self.rejection_text = QLabel()
        self.rejection_text.setWordWrap(True)
        self.rejection_text.setAccessibleName("After a hard response")
        self.write_reflection = _button("Write a self-forgiveness reflection")
        self.write_reflection.clicked.connect(self._reflect)
        self.start_living = _button("Start living amends")
        self.start_living.clicked.connect(self._start_living)
        rl.addWidget(self.rejection_text)
        rl.addWidget(row(self.write_reflection, self.start_living))
        self.rejection_box.hide()
        page.add(self.rejection_box)
        self._last_outcome_kind: OutcomeKind | None = None
        return page

    # == binding and saving ==========================================================================
    def _queue(self, field: str, value: Any) -> None:
        if self._loading or self.plan is None:
            return
        if field not in self._pending and getattr(self.plan, field, object()) == value:
            return  # e.g. re-highlighting signals a change although the text is the same
        self._pending[field] = value
        self._save_timer.start()

    def _bind_line(self, w: QLineEdit, field: str) -> None:
        w.textEdited.connect(lambda text: self._queue(field, text))

    def _bind_text(self, w: QPlainTextEdit, field: str) -> None:
        w.textChanged.connect(lambda: self._queue(field, w.toPlainText()))

    def _bind_check(self, w: QCheckBox, field: str) -> None:
        def changed(checked: bool) -> None:
            self._queue(field, checked)
            self.flush()

        w.toggled.connect(changed)

    def _bind_date(self, w: DateField, field: str) -> None:
        w.edited.connect(lambda text: self._queue(field, text))

    def flush(self) -> None:
        """Save what is typed but not saved yet. A bad value stays in its field with a message."""
        self._save_timer.stop()
        if self._letter_timer.isActive():
            self._letter_timer.stop()
            self._save_letter()
        if self._ledger_timer.isActive():
            self._ledger_timer.stop()
            self._save_ledger()
        if not self._pending or self.plan is None:
            return
        pending, self._pending = self._pending, {}
        plan_id = int(self.plan.id or 0)
        errors: list[str] = []
        try:
            self.plan = self.service.update_plan_fields(plan_id, **pending)
        except PlannerError:
            for field, value in pending.items():
                try:
                    self.plan = self.service.update_plan_fields(plan_id, **{field: value})
                except PlannerError as exc:
                    errors.append(str(exc))
        if errors:
            self.show_error(" ".join(dict.fromkeys(errors)))
        else:
            self.clear_error()
        self._refresh_computed()
        if {"follow_up_on", "inventory_done", "safety_review_by", "safety_review_decision"} & set(pending):
            self.planChanged.emit(plan_id)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    def show_note(self, text: str) -> None:
        self.gentle.setText(text)
        self.gentle.setVisible(bool(text))

    # == loading =====================================================================================
    def plan_id(self) -> int | None:
        return int(self.plan.id) if self.plan is not None and self.plan.id is not None else None

    def load(self, plan_id: int | None) -> None:
        if self.plan is not None and plan_id != self.plan.id:
            self.flush()
        self.plan = self.service.plan(plan_id) if plan_id is not None else None
        self.person = self.service.person(self.plan.person_id) if self.plan is not None else None
        self.clear_error()
        self.show_note("")
        self.rejection_box.hide()
        if self.plan is None or self.person is None:
            self.plan = None
            self.outer_stack.setCurrentWidget(self.empty)
            self.header.setVisible(False)
            return
        self.header.setVisible(True)
        self.outer_stack.setCurrentWidget(self.body)
        plan = self.plan
        self._loading = True
        try:
            self.notes.setPlainText(plan.notes)
            for q in SAFETY_QUESTIONS:
                group = self.safety_groups[q.field]
                value = getattr(plan, q.field)
                group.setExclusive(False)
                for b in group.buttons():
                    b.setChecked(value is not None and b.property("answer") == value.value)
                group.setExclusive(True)
            self.review_by.setText(plan.safety_review_by)
            self.review_decision.setPlainText(plan.safety_review_decision)
            self.review_on.setText(plan.safety_review_on)
            self.inventory_done.setChecked(plan.inventory_done)
            self.reviewed_on.setText(plan.reviewed_on)
            self.support_person.setText(plan.support_person)
            self.exit_plan.setPlainText(plan.exit_plan)
            self.override.setPlainText(plan.ready_override_reason)
            self.when_where.setPlainText(plan.when_where)
            self.first_contact.setPlainText(plan.first_contact)
            self.circumstances.setPlainText(plan.circumstances)
            self.script.setPlainText(plan.script)
            self.commitments_text.setPlainText(plan.commitments_text)
            self.letter.clear()
            self._letter_action = None
            self._load_harms()
            self._load_ledger_fields()
        finally:
            self._loading = False
        self._run_script_check()
        self._refresh_computed()
        self._refresh_children()

    def _load_harms(self) -> None:
        assert self.plan is not None
        covered = set(self.service.plan_harm_ids(int(self.plan.id or 0)))
        self.harm_list.clear()
        harms = self.service.person_harms(self.plan.person_id)
        for h in harms:
            text = f"{h.category.label}: {h.what_happened or '(not described yet)'}"
            if h.when_text:
                text += f"  ({h.when_text})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if h.id in covered else Qt.CheckState.Unchecked)
            self.harm_list.addItem(item)
        self.no_harms.setVisible(not harms)

    def _load_ledger_fields(self) -> None:
        assert self.plan is not None
        ledger = self.service.ledger(int(self.plan.id or 0))
        if ledger is None:
            return
        self.currency.setText(ledger.currency)
        self.owed.setText(format_money(ledger.owed_minor, "") if ledger.owed_minor else "")
        self.owed_estimate.setChecked(ledger.owed_is_estimate)
        self.affordable.setText(format_money(ledger.affordable_minor, "") if ledger.affordable_minor else "")
        self.cause.setText(ledger.redirected_to)

    def _refresh_computed(self) -> None:
        """Everything worked out from the plan: header, verdict, checklist, section badges."""
        if self.plan is None or self.person is None:
            return
        plan = self.plan = self.service.plan(int(self.plan.id or 0)) or self.plan
        name = self.person.name
        self.title.setText("Amends to myself" if self.person.is_self else f"Amends to {name}")
        self.type_combo.setCurrentIndex(list(PlanType).index(plan.type))
        self.stage_combo.setCurrentIndex(STAGE_ORDER.index(plan.stage))
        held = plan.hold is not None
        for w in (self.stage_combo, self.next_button, self.mark_ready):
            w.setEnabled(not held)
        self.next_button.setEnabled(not held and plan.stage != Stage.CLOSED)
        for w in (self.pause_button, self.defer_button, self.not_possible_button):
            w.setVisible(not held and plan.stage != Stage.CLOSED)
        self.resume_button.setVisible(held)
        verdict = safety_verdict(plan)
        status = [f"{plan.type.label} · {plan.stage.label}"]
        if held and plan.hold is not None:
            since = f" since {plan.hold_since}" if plan.hold_since else ""
            status.append(f"{plan.hold.label}{since}" + (f": {plan.hold_reason}" if plan.hold_reason else ""))
        status.append(f"Safety: {verdict.label.lower()}")
        self.status.setText("  ·  ".join(status))
        # safety
        colour = VERDICT_COLOURS[verdict]
        reasons = "".join(f"<li>{html.escape(q.question)}</li>" for q in verdict_reasons(plan))
        self.verdict.setText(
            f"<p><b style='color:{colour}'>{html.escape(verdict.label)}</b></p>"
            f"<p>{html.escape(verdict_explanation(verdict))}</p>" + (f"<ul>{reasons}</ul>" if reasons else "")
        )
        self.verdict.setAccessibleDescription(f"{verdict.label}. {verdict_explanation(verdict)}")
        blocked = plan.type == PlanType.DIRECT and not direct_allowed(plan)
        self.offer_box.setVisible(blocked)
        # readiness
        ready = self.service.readiness(int(plan.id or 0))
        lines = []
        for item in ready.items:
            mark = "–" if not item.required else ("✓" if item.ok else "○")
            colour = "#2e7d4f" if item.ok and item.required else ("#6c757d" if not item.required else "#a0522d")
            lines.append(
                f"<tr><td style='color:{colour}; padding-right:8px'><b>{mark}</b></td>"
                f"<td style='padding-right:12px'><b>{html.escape(item.label)}</b></td>"
                f"<td>{html.escape(item.detail)}</td></tr>"
            )
        if ready.all_ok:
            summary = "Everything is in place."
        elif ready.overridden:
            summary = "Some things are missing; you've written why it's ready anyway."
        else:
            summary = f"Still missing: {', '.join(i.label.lower() for i in ready.missing)}."
        self.checklist.setText(f"<p>{html.escape(summary)}</p><table cellspacing='4'>{''.join(lines)}</table>")
        self.checklist.setAccessibleDescription(summary)
        self._loading = True
        try:
            self.halt_done.setChecked(plan.halt_checked_on == self.service.today().isoformat())
        finally:
            self._loading = False
        # section badges
        badges = {
            "safety": "" if verdict == SafetyVerdict.UNANSWERED else f" · {verdict.label.lower()}",
            "readiness": " · ready" if ready.ready else f" · {len(ready.missing)} to do",
        }
        for i, (key, label) in enumerate(SECTIONS):
            item = self.sections.item(i)
            if item is not None:
                item.setText(label + badges.get(key, ""))

    def _refresh_children(self) -> None:
        if self.plan is None:
            return
        pid = int(self.plan.id or 0)
        self.permission_model.set_records(self.service.permission_requests(pid))
        self.responses_model.set_records(self.service.expected_responses(pid))
        self._refresh_ledger()
        self._refresh_commitments()
        self._refresh_indirect()
        self.outcome_model.set_records(self.service.outcomes(pid))

    # == actions: type, stage, holds =================================================================
    def _type_chosen(self, index: int) -> None:
        self._switch_type(PlanType(self.type_combo.itemData(index)))

    def _switch_type(self, new_type: PlanType) -> None:
        if self.plan is None:
            return
        self.flush()
        check = self.service.set_type(int(self.plan.id or 0), new_type)
        if check.ok:
            self.clear_error()
            self.show_note(f"This is now {new_type.label.lower()}." if new_type != PlanType.SELF else "")
            if new_type == PlanType.LIVING:
                self.show_section("living")
            elif new_type == PlanType.INDIRECT:
                self.show_section("indirect")
        else:
            self.show_error(check.reason)
        self._refresh_computed()
        self.planChanged.emit(int(self.plan.id or 0))

    def _stage_chosen(self, index: int) -> None:
        self._change_stage(Stage(self.stage_combo.itemData(index)))

    def _next_stage(self) -> None:
        if self.plan is None:
            return
        i = STAGE_ORDER.index(self.plan.stage)
        if i + 1 < len(STAGE_ORDER):
            self._change_stage(STAGE_ORDER[i + 1])

    def _change_stage(self, stage: Stage) -> bool:
        if self.plan is None:
            return False
        self.flush()
        check = self.service.change_stage(int(self.plan.id or 0), stage)
        if check.ok:
            self.clear_error()
            if stage == Stage.READY and self.plan.stage != Stage.READY:
                self.show_note("Marked as ready. Take your time; ready doesn't mean it has to be today.")
        else:
            self.show_error(check.reason)
        self._refresh_computed()
        self.planChanged.emit(int(self.plan.id or 0))
        return check.ok

    def _hold(self, hold: Hold) -> None:
        if self.plan is None:
            return
        prompts = {
            Hold.PAUSED: "What's going on? (Only for you; it helps to remember later.)",
            Hold.DEFERRED: "Why not now? For example timing, or what's happening for them.",
            Hold.NOT_POSSIBLE: "Why isn't it possible? Living or indirect amends stay open.",
        }
        reason, ok = QInputDialog.getText(self, hold.label, prompts[hold])
        if not ok:
            return
        self.flush()
        check = self.service.set_hold(int(self.plan.id or 0), hold, reason)
        if not check.ok:
            self.show_error(check.reason)
        elif hold == Hold.PAUSED:
            self.show_note("Paused. Looking after yourself comes first; the plan will be here when you're ready.")
        elif hold == Hold.NOT_POSSIBLE:
            self.show_note("Marked as not possible. You can still make living or indirect amends; the type can be changed above.")
        self._refresh_computed()
        self.planChanged.emit(int(self.plan.id or 0))

    def _resume(self) -> None:
        if self.plan is None:
            return
        if self.plan.hold == Hold.PAUSED and not confirm(
            self, "Resume", "Before picking this up again: have you talked it over with your sponsor or someone "
            "you trust?\n\nResume the plan now?"
        ):
            return
        self.service.resume(int(self.plan.id or 0))
        self.show_note("")
        self._refresh_computed()
        self.planChanged.emit(int(self.plan.id or 0))

    def _delete_plan(self) -> None:
        if self.plan is None:
            return
        plan_id = int(self.plan.id or 0)
        if not confirm(self, "Delete plan", "Delete this plan? You can undo it with Ctrl+Z until you close the app."):
            return
        self.flush()
        self.service.delete_plan(plan_id)
        self.push_undo("Delete plan", lambda: self.service.undelete_plan(plan_id))
        self.load(None)
        self.planDeleted.emit(plan_id)

    # == actions: harms and safety ===================================================================
    def _harm_toggled(self, _item: QListWidgetItem) -> None:
        if self._loading or self.plan is None:
            return
        ids = []
        for i in range(self.harm_list.count()):
            it = self.harm_list.item(i)
            if it.checkState() == Qt.CheckState.Checked:
                ids.append(int(it.data(Qt.ItemDataRole.UserRole)))
        self.service.set_plan_harms(int(self.plan.id or 0), ids)
        self._refresh_computed()
        self.planChanged.emit(int(self.plan.id or 0))

    def _safety_answered(self, field: str, button: QRadioButton) -> None:
        if self._loading or self.plan is None:
            return
        self.flush()
        self.service.set_safety_answer(int(self.plan.id or 0), field, Answer(button.property("answer")))
        self._refresh_computed()
        self.planChanged.emit(int(self.plan.id or 0))

    def _halt_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        self._queue("halt_checked_on", self.service.today().isoformat() if checked else None)
        self.flush()

    # == actions: script ============================================================================
    def _script_changed(self) -> None:
        if self.script.toPlainText() != self._checked_text:
            self._check_timer.start()

    def _run_script_check(self) -> None:
        self._check_timer.stop()
        text = self.script.toPlainText()
        self._checked_text = text
        findings = check_script(text)
        self.highlighter.set_findings(findings)
        self.findings.clear()
        problems = [f for f in findings if f.start is not None]
        missing = [f for f in findings if f.start is None]
        for f in findings:
            label = KIND_LABELS.get(f.kind, f.kind)
            if f.start is not None and f.end is not None:
                head = f"\u201c{text[f.start:f.end]}\u201d: {label}"
            else:
                head = f"Maybe missing: {label}"
            item = QListWidgetItem(f"{head}\n{f.explanation}")
            item.setData(Qt.ItemDataRole.UserRole, (f.start, f.end))
            item.setToolTip(f.explanation)
            self.findings.addItem(item)
        if not text.strip():
            summary = "The notes will appear here as you write."
        elif not findings:
            summary = "Nothing stands out. Read it aloud to your sponsor when you're ready."
        else:
            parts = []
            if problems:
                parts.append(f"{len(problems)} phrase{'s' if len(problems) != 1 else ''} to look at (underlined)")
            if missing:
                parts.append(f"{len(missing)} thing{'s' if len(missing) != 1 else ''} you might add")
            summary = "; ".join(parts) + ". These are suggestions only."
        self.findings_summary.setText(summary)

    def _finding_chosen(self, item: QListWidgetItem) -> None:
        start, end = item.data(Qt.ItemDataRole.UserRole)
        if start is None:
            return
        cursor = self.script.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.script.setTextCursor(cursor)
        self.script.setFocus()

    # == actions: permission log and responses ========================================================
    def _edit_permission(self, field: str) -> Callable[[Any, str], Any]:
        def edit(record: m.PermissionRequest, text: str) -> m.PermissionRequest:
            saved = self.service.update_permission_request(replace(record, **{field: text or (None if field != "note" else "")}))
            self.planChanged.emit(record.plan_id)
            return saved

        return edit

    def _add_permission(self) -> None:
        if self.plan is None:
            return
        try:
            self.service.add_permission_request(
                int(self.plan.id or 0), self.ask_on.text(), PermissionAnswer(self.ask_answer.currentData()) if self.ask_answer.currentData() else None,
                self.ask_not_before.text(), self.ask_note.text())
        except PlannerError as exc:
            self.show_error(str(exc))
            return
        self.clear_error()
        for w in (self.ask_on, self.ask_not_before):
            w.setText("")
        self.ask_note.clear()
        self.ask_answer.setCurrentIndex(0)
        self._refresh_children()
        self.planChanged.emit(int(self.plan.id or 0))

    def _remove_selected(self, view: Any, what: str, delete: Callable[[int], None]) -> None:
        record = selected_record(view)
        if record is None or record.id is None:
            self.show_error(f"Select the {what} to remove first.")
            return
        if not confirm(self, "Remove", f"Remove this {what}? You can undo it with Ctrl+Z."):
            return
        delete(int(record.id))
        self.push_undo(f"Remove {what}", lambda: self.service.restore(replace(record, id=None)))
        self._refresh_children()
        if self.plan is not None:
            self.planChanged.emit(int(self.plan.id or 0))

    def _remove_permission(self) -> None:
        self._remove_selected(self.permission_view, "permission entry", self.service.delete_permission_request)

    def _edit_response(self, field: str) -> Callable[[Any, str], Any]:
        def edit(record: m.ExpectedResponse, text: str) -> m.ExpectedResponse:
            return self.service.update_expected_response(replace(record, **{field: text}))

        return edit

    def _add_response(self) -> None:
        if self.plan is None:
            return
        self.service.add_expected_response(int(self.plan.id or 0))
        self.responses_model.set_records(self.service.expected_responses(int(self.plan.id or 0)))
        view = self.responses_view
        last = view.model().index(view.model().rowCount() - 1, 0)
        view.setCurrentIndex(last)
        view.setFocus()
        view.edit(last)

    def _remove_response(self) -> None:
        self._remove_selected(self.responses_view, "response", self.service.delete_expected_response)

    # == actions: restitution =========================================================================
    def _money(self, minor: int) -> str:
        currency = self.currency.text().strip().upper() or "EUR"
        return format_money(minor, currency)

    def _start_ledger(self) -> None:
        if self.plan is None:
            return
        self.service.ensure_ledger(int(self.plan.id or 0))
        self._loading = True
        try:
            self._load_ledger_fields()
        finally:
            self._loading = False
        self._refresh_ledger()
        self.owed.setFocus()

    def _save_ledger(self) -> None:
        if self.plan is None or self._loading:
            return
        ledger = self.service.ledger(int(self.plan.id or 0))
        if ledger is None:
            return
        try:
            owed = _money_or_none(self.owed.text()) or 0
            affordable = _money_or_none(self.affordable.text()) or 0
            self.service.update_ledger(replace(ledger, currency=self.currency.text() or ledger.currency,
                                               owed_minor=owed, affordable_minor=affordable,
                                               owed_is_estimate=self.owed_estimate.isChecked()))
        except (MoneyError, PlannerError) as exc:
            self.show_error(str(exc))
            return
        self.clear_error()
        self._refresh_ledger()
        self.planChanged.emit(int(self.plan.id or 0))

    def _refresh_ledger(self) -> None:
        if self.plan is None:
            return
        summary = self.service.ledger_summary(int(self.plan.id or 0))
        self.start_ledger.setVisible(summary is None)
        self.ledger_box.setVisible(summary is not None)
        if summary is None:
            return
        self.schedule_model.set_records(summary.instalments)
        self.payments_model.set_records(summary.payments)
        owed, paid, left = summary.ledger.owed_minor, summary.paid_minor, summary.balance_minor
        estimate = " (an estimate)" if summary.ledger.owed_is_estimate else ""
        if owed == 0:
            text = "Write down what is owed to see the balance."
        elif left > 0:
            text = f"Paid {summary.money(paid)} of {summary.money(owed)}{estimate}. Still to go: {summary.money(left)}."
        elif left == 0:
            text = f"All {summary.money(owed)} paid back. That is a real repair."
        else:
            text = f"Paid {summary.money(paid)}, which is {summary.money(-left)} more than the {summary.money(owed)} owed."
        self.balance.setText(text)
        self.progress.setValue(round(summary.progress * 1000))
        self.progress.setFormat(f"{summary.progress:.0%} paid")
        self.progress.setAccessibleDescription(text)
        if summary.next_due is not None:
            day, amount = summary.next_due
            self.next_payment.setText(f"Next payment: {summary.money(amount)} on {day.strftime('%d %b %Y')}.")
        else:
            self.next_payment.setText("No payment scheduled." if not summary.instalments else "Every scheduled payment is covered.")
        if summary.ledger.creditor_unreachable and summary.ledger.redirected_to:
            self.redirected.setText(f"What is owed now goes to {summary.ledger.redirected_to}.")
        else:
            self.redirected.setText("")

    def _make_schedule(self) -> None:
        if self.plan is None:
            return
        self.flush()
        self._save_ledger()
        try:
            self.service.make_schedule(int(self.plan.id or 0), self.first_due.text())
        except PlannerError as exc:
            self.show_error(str(exc))
            return
        self.clear_error()
        self._refresh_ledger()
        self.planChanged.emit(int(self.plan.id or 0))

    def _edit_instalment(self, field: str) -> Callable[[Any, str], Any]:
        def edit(record: m.Instalment, text: str) -> m.Instalment:
            if field == "amount":
                saved = self.service.update_instalment(replace(record, amount_minor=parse_money(text)))
            else:
                saved = self.service.update_instalment(replace(record, due_on=text))
            QTimer.singleShot(0, self._refresh_ledger)
            if self.plan is not None:
                self.planChanged.emit(int(self.plan.id or 0))
            return saved

        return edit

    def _remove_instalment(self) -> None:
        self._remove_selected(self.schedule_view, "instalment", self.service.delete_instalment)

    def _add_payment(self) -> None:
        if self.plan is None:
            return
        self._save_ledger()
        try:
            amount = parse_money(self.pay_amount.text())
            self.service.add_payment(int(self.plan.id or 0), self.pay_on.text(), amount,
                                     self.pay_method.text(), self.pay_note.text())
        except (MoneyError, PlannerError) as exc:
            self.show_error(str(exc))
            return
        self.clear_error()
        for w in (self.pay_amount, self.pay_method, self.pay_note):
            w.clear()
        self.pay_on.setText("")
        self._refresh_ledger()
        self.planChanged.emit(int(self.plan.id or 0))

    def _remove_payment(self) -> None:
        self._remove_selected(self.payments_view, "payment", self.service.delete_payment)

    def _redirect(self) -> None:
        if self.plan is None:
            return
        self._save_ledger()
        if not confirm(self, "Give to a cause", f"Give what is still owed to {self.cause.text().strip() or 'this cause'} "
                       "instead? It will be recorded under Indirect amends."):
            return
        try:
            self.service.redirect_to_cause(int(self.plan.id or 0), self.cause.text())
        except PlannerError as exc:
            self.show_error(str(exc))
            return
        self.clear_error()
        self.show_note("Recorded. Giving it where it can do good is a real amends too.")
        self._refresh_children()
        self.planChanged.emit(int(self.plan.id or 0))

    # == actions: living ==============================================================================
    def _refresh_commitments(self) -> None:
        if self.plan is None:
            return
        current = selected_record(self.commit_view)
        keep = current.commitment.id if current is not None else None
        views = [self.service.commitment_view(c) for c in self.service.commitments(int(self.plan.id or 0))]
        self.commit_model.set_records(views)
        model = self.commit_view.model()
        target = 0
        for r in range(model.rowCount()):
            if model.index(r, 0).data(RecordTableModel.ObjectRole).commitment.id == keep:
                target = r
        if views:
            self.commit_view.setCurrentIndex(model.index(target, 0))
        self._show_commitment()

    def _show_commitment(self) -> None:
        view = selected_record(self.commit_view)
        self.commit_detail.setVisible(view is not None)
        if view is None:
            return
        s = view.streaks
        unit = {Cadence.DAILY: "day", Cadence.WEEKLY: "week", Cadence.MONTHLY: "month"}[view.commitment.cadence]
        self.streak_label.setText(
            f"\u201c{view.commitment.description or 'This commitment'}\u201d: {s.current} {unit}{'s' if s.current != 1 else ''} "
            f"in a row now; best so far {s.best}."
        )
        self.strip.set_periods(view.periods)
        self.checkins_model.set_records(view.check_ins)

    def _edit_commitment(self, view: Any, text: str) -> Any:
        saved = self.service.update_commitment(replace(view.commitment, description=text))
        return self.service.commitment_view(saved)

    def _add_commitment(self) -> None:
        if self.plan is None:
            return
        text = self.new_commit.text().strip()
        if not text:
            self.show_error("Write the commitment first, for example \u201cSunday dinner with Mum\u201d.")
            return
        c = self.service.add_commitment(int(self.plan.id or 0), text, Cadence(self.new_cadence.currentData()))
        self.new_commit.clear()
        self.clear_error()
        self._refresh_commitments()
        model = self.commit_view.model()
        for r in range(model.rowCount()):
            if model.index(r, 0).data(RecordTableModel.ObjectRole).commitment.id == c.id:
                self.commit_view.setCurrentIndex(model.index(r, 0))
        self.planChanged.emit(int(self.plan.id or 0))

    def _remove_commitment(self) -> None:
        view = selected_record(self.commit_view)
        if view is None:
            self.show_error("Select the commitment to remove first.")
            return
        if not confirm(self, "Remove", "Remove this commitment and its check-ins?"):
            return
        self.service.delete_commitment(int(view.commitment.id or 0))
        self._refresh_commitments()
        if self.plan is not None:
            self.planChanged.emit(int(self.plan.id or 0))

    def _check_in(self, kept: bool) -> None:
        view = selected_record(self.commit_view)
        if view is None:
            self.show_error("Add or select a commitment first.")
            return
        try:
            self.service.add_check_in(int(view.commitment.id or 0), self.checkin_on.text(), kept, self.checkin_note.text())
        except PlannerError as exc:
            self.show_error(str(exc))
            return
        self.clear_error()
        self.checkin_note.clear()
        self.checkin_on.setText("")
        if not kept:
            self.show_note("Noted. One missed time doesn't undo the others; what would help next time?")
        self._refresh_commitments()
        if self.plan is not None:
            self.planChanged.emit(int(self.plan.id or 0))

    def _remove_check_in(self) -> None:
        record = selected_record(self.checkins_view)
        if record is None:
            self.show_error("Select the check-in to remove first.")
            return
        self.service.delete_check_in(int(record.id or 0))
        self.push_undo("Remove check-in", lambda: self.service.restore(replace(record, id=None)))
        self._refresh_commitments()

    # == actions: indirect ============================================================================
    def _indirect_amount(self, a: m.IndirectAction) -> str:
        parts = []
        if a.amount_minor is not None:
            parts.append(format_money(a.amount_minor, a.currency))
        if a.hours is not None:
            parts.append(f"{a.hours:g} h")
        return ", ".join(parts)

    def _edit_indirect(self, field: str) -> Callable[[Any, str], Any]:
        def edit(record: m.IndirectAction, text: str) -> m.IndirectAction:
            value: Any = text if field == "notes" else (text or None)
            return self.service.update_indirect_action(replace(record, **{field: value}))

        return edit

    def _refresh_indirect(self) -> None:
        if self.plan is None:
            return
        self.flush_letter()
        self.indirect_model.set_records(self.service.indirect_actions(int(self.plan.id or 0)))
        self._show_letter()

    def _add_indirect(self) -> None:
        if self.plan is None:
            return
        kind = IndirectKind(self.ind_kind.currentData())
        try:
            amount = _money_or_none(self.ind_amount.text())
            hours_text = self.ind_hours.text().strip().replace(",", ".")
            hours = float(hours_text) if hours_text else None
            if hours is not None and not (0 <= hours < 100000):
                raise PlannerError("Hours should be a number such as 2 or 1.5.")
            currency = (self.currency.text().strip().upper() or self.service.settings().default_currency) if amount is not None else ""
            self.service.add_indirect_action(int(self.plan.id or 0), kind, self.ind_on.text(),
                                             amount_minor=amount, currency=currency, hours=hours,
                                             notes=self.ind_notes.text().strip())
        except ValueError as exc:
            msg = str(exc)
            if "could not convert" in msg:
                msg = "Hours should be a number such as 2 or 1.5."
            self.show_error(msg)
            return
        self.clear_error()
        for w in (self.ind_amount, self.ind_hours, self.ind_notes):
            w.clear()
        self.ind_on.setText("")
        self._refresh_indirect()
        if kind == IndirectKind.UNSENT_LETTER:
            self._select_last_indirect()
        self.planChanged.emit(int(self.plan.id or 0))

    def _select_last_indirect(self) -> None:
        model = self.indirect_view.model()
        if model.rowCount():
            self.indirect_view.setCurrentIndex(model.index(model.rowCount() - 1, 0))
            self._show_letter()

    def _new_letter(self) -> None:
        if self.plan is None:
            return
        self.service.add_indirect_action(int(self.plan.id or 0), IndirectKind.UNSENT_LETTER, self.service.today().isoformat())
        self._refresh_indirect()
        self._select_last_indirect()
        self.letter.setFocus()

    def _remove_indirect(self) -> None:
        self._remove_selected(self.indirect_view, "indirect amends entry", self.service.delete_indirect_action)

    def _show_letter(self) -> None:
        self.flush_letter()
        record = selected_record(self.indirect_view)
        is_letter = record is not None and record.kind == IndirectKind.UNSENT_LETTER
        self._letter_action = record if is_letter else None
        self._loading = True
        try:
            self.letter.setPlainText(record.letter_text if is_letter else "")
        finally:
            self._loading = False
        self.letter.setEnabled(is_letter)
        self.letter_hint.setVisible(not is_letter)

    def flush_letter(self) -> None:
        if self._letter_timer.isActive():
            self._letter_timer.stop()
            self._save_letter()

    def _save_letter(self) -> None:
        action = self._letter_action
        if action is None:
            return
        text = self.letter.toPlainText()
        if text == action.letter_text:
            return
        self._letter_action = self.service.update_indirect_action(replace(action, letter_text=text))

    # == actions: outcome =============================================================================
    def _record_outcome(self) -> None:
        if self.plan is None:
            return
        self.flush()
        kind = OutcomeKind(self.out_kind.currentData())
        plan_id = int(self.plan.id or 0)
        try:
            result = self.service.record_outcome(
                plan_id, kind, self.out_on.text(), self.out_heard.toPlainText(), self.out_promised.toPlainText(),
                self.out_door.isChecked(), self.out_next.text(), self.out_follow.text())
        except PlannerError as exc:
            self.show_error(str(exc))
            return
        self.clear_error()
        for w in (self.out_heard, self.out_promised):
            w.clear()
        self.out_next.clear()
        self.out_on.setText("")
        self.out_follow.setText("")
        self._last_outcome_kind = kind
        if result.rejection:
            who = "they" if self.person is None or self.person.is_self else self.person.name
            self.rejection_text.setText(
                f"That sounds hard. However {who} responded, you did your part: you named the harm and took "
                f"responsibility. That counts.\n\n{result.offer.prompt}\n\nLiving amends, a change they can see over "
                "time, can say what words couldn't."
            )
            self.rejection_box.show()
        else:
            self.rejection_box.hide()
            self.show_note("Recorded. However it felt, you followed through. It may help to write about it.")
        self._refresh_computed()
        self._refresh_children()
        self.navigator.debriefRequested.emit(plan_id, kind.value)
        self.planChanged.emit(plan_id)

    def _reflect(self) -> None:
        if self.plan is None:
            return
        kind = self._last_outcome_kind or OutcomeKind.NOT_READY
        self.navigator.debriefRequested.emit(int(self.plan.id or 0), kind.value)
        self.navigator.tabRequested.emit("reflection")

    def _start_living(self) -> None:
        if self.plan is None:
            return
        check, _commitment = self.service.start_living_amends(int(self.plan.id or 0))
        if not check.ok:
            self.show_error(check.reason)
            return
        self._refresh_computed()
        self._refresh_children()
        self.show_section("living")
        self.show_note("This is now living amends. Write down the first change you'd like to keep.")
        self.commit_view.setFocus()
        self.planChanged.emit(int(self.plan.id or 0))
