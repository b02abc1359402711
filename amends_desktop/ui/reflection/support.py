"""The support card of the craving protocol: who to call, a few grounding steps, and pausing or
resuming amends work. Shown inside the Reflection tab, never as a blocking dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from amends_desktop.domain import models as m
from amends_desktop.security.errors import VaultError
from amends_desktop.services.reflection import EntryError, ReflectionService, SupportCard


def _label(text: str, *, scale: float = 1.0, bold: bool = False, wrap: bool = True,
           selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if scale != 1.0 or bold:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


def _clear(layout: QVBoxLayout | QHBoxLayout | QGridLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())  # type: ignore[arg-type]


class SupportCardPanel(QFrame):
    """Contacts large and clear, grounding steps, plans to pause, and resuming after support.

    ``show_for(entry)`` fills it (``None`` when opened from "I'm struggling"). Signals:
    ``plansChanged()`` after pausing or resuming, ``editContactsRequested()``, ``closed()``.
    """

    plansChanged = Signal()  # noqa: N815
    editContactsRequested = Signal()  # noqa: N815
    closed = Signal()

    def __init__(self, service: ReflectionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.entry: m.Entry | None = None
        self.setObjectName("supportCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Support")
        self.setStyleSheet(
            "QFrame#supportCard { border: 2px solid palette(highlight); border-radius: 8px;"
            " background: palette(alternate-base); }"
            " QFrame#contactBox { border: 1px solid palette(mid); border-radius: 6px; background: palette(base); }")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(10)

        head = QHBoxLayout()
        self.title = _label("You don't have to carry this alone.", scale=1.5, bold=True)
        self.title.setAccessibleName("You don't have to carry this alone.")
        self.close_button = QPushButton("Back to my journal")
        self.close_button.setAccessibleName("Close the support card and go back to the journal")
        self.close_button.setToolTip("Close the support card (Esc)")
        self.close_button.clicked.connect(self.close_card)
        head.addWidget(self.title, 1)
        head.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(head)
        self.intro = _label("Reach out to someone now. A short call or a text is enough.")
        outer.addWidget(self.intro)

        self.contacts_row = QHBoxLayout()
        self.contacts_row.setSpacing(12)
        outer.addLayout(self.contacts_row)
        self.contacts_button = QPushButton("Add or change contacts…")
        self.contacts_button.setAccessibleName("Add or change support contacts")
        self.contacts_button.clicked.connect(self.editContactsRequested.emit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.contacts_button)
        outer.addLayout(row)

        middle = QHBoxLayout()
        middle.setSpacing(24)
        steps_box = QVBoxLayout()
        steps_box.addWidget(_label("A few things that can help right now", bold=True))
        self.steps_layout = QVBoxLayout()
        steps_box.addLayout(self.steps_layout)
        steps_box.addStretch(1)
        middle.addLayout(steps_box, 3)

        plans_box = QVBoxLayout()
        self.pause_heading = _label("Take a break from amends work?", bold=True)
        plans_box.addWidget(self.pause_heading)
        self.pause_intro = _label("Pausing keeps everything as it is. You can pick it up again once you've "
                                  "talked with someone and feel steadier.")
        plans_box.addWidget(self.pause_intro)
        self.plans_layout = QVBoxLayout()
        plans_box.addLayout(self.plans_layout)
        self.pause_button = QPushButton("&Pause the ticked plans")
        self.pause_button.setAccessibleName("Pause the ticked plans")
        self.pause_button.clicked.connect(self.pause)
        plans_box.addWidget(self.pause_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.resume_frame = QWidget()
        resume = QVBoxLayout(self.resume_frame)
        resume.setContentsMargins(0, 8, 0, 0)
        self.paused_label = _label("")
        self.paused_label.setObjectName("pausedPlans")
        resume.addWidget(self.paused_label)
        self.reached = QCheckBox("I've talked with someone: my sponsor, counselor, a friend or the help line")
        self.reached.setAccessibleName("I have reached support")
        self.resume_button = QPushButton("&Resume paused plans")
        self.resume_button.setAccessibleName("Resume paused plans")
        self.resume_button.setEnabled(False)
        self.reached.toggled.connect(self.resume_button.setEnabled)
        self.resume_button.clicked.connect(self.resume)
        resume.addWidget(self.reached)
        resume.addWidget(self.resume_button, 0, Qt.AlignmentFlag.AlignLeft)
        plans_box.addWidget(self.resume_frame)
        self.message = _label("")
        self.message.setObjectName("supportMessage")
        plans_box.addWidget(self.message)
        plans_box.addStretch(1)
        middle.addLayout(plans_box, 4)
        outer.addLayout(middle)
        outer.addStretch(1)

        self.plan_boxes: dict[int, QCheckBox] = {}
        self.paused_ids: list[int] = []
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        esc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        esc.activated.connect(self.close_card)

    # -- filling --------------------------------------------------------------------------------
    def show_for(self, entry: m.Entry | None) -> None:
        self.entry = entry
        self.message.clear()
        self.refresh()
        self.show()
        (self.pause_button if self.plan_boxes else self.close_button).setFocus()

    def refresh(self) -> None:
        card = self.service.support_card(self.entry)
        self._fill_contacts(card)
        self._fill_steps(card)
        self._fill_plans(card)

    def _fill_contacts(self, card: SupportCard) -> None:
        _clear(self.contacts_row)
        any_set = False
        for sc in card.contacts:
            box = QFrame()
            box.setObjectName("contactBox")
            lay = QVBoxLayout(box)
            lay.setContentsMargins(12, 8, 12, 8)
            lay.addWidget(_label(sc.role))
            if sc.is_set:
                any_set = True
                name = _label(sc.contact.name or sc.role, scale=1.35, bold=True, selectable=True)
                phone = _label(sc.contact.phone, scale=1.9, bold=True, selectable=True)
                phone.setObjectName("contactPhone")
                lay.addWidget(name)
                if sc.contact.phone:
                    lay.addWidget(phone)
                if sc.contact.note:
                    lay.addWidget(_label(sc.contact.note, selectable=True))
                box.setAccessibleName(f"{sc.role}: {sc.contact.name}, {sc.contact.phone}. {sc.contact.note}".strip())
            else:
                lay.addWidget(_label("Not added yet", scale=1.2))
                box.setAccessibleName(f"{sc.role}: not added yet")
            lay.addStretch(1)
            self.contacts_row.addWidget(box, 1)
        self.contacts_button.setText("Change contacts…" if any_set else "Add your support contacts…")

    def _fill_steps(self, card: SupportCard) -> None:
        _clear(self.steps_layout)
        for i, step in enumerate(card.grounding_steps, 1):
            self.steps_layout.addWidget(_label(f"{i}. {step}"))

    def _fill_plans(self, card: SupportCard) -> None:
        _clear(self.plans_layout)
        self.plan_boxes = {}
        for plan in card.plans_to_pause:
            box = QCheckBox(plan.label)
            box.setAccessibleName(f"Pause the plan for {plan.label}")
            box.setChecked(plan.id in card.linked_plan_ids)
            self.plan_boxes[plan.id] = box
            self.plans_layout.addWidget(box)
        has_plans = bool(card.plans_to_pause)
        self.pause_heading.setVisible(has_plans)
        self.pause_intro.setVisible(has_plans)
        self.pause_button.setVisible(has_plans)
        self.paused_ids = [p.id for p in card.paused]
        if card.paused:
            names = ", ".join(p.label for p in card.paused)
            self.paused_label.setText(f"Paused for now: {names}.")
        self.resume_frame.setVisible(bool(card.paused))
        self.reached.setChecked(False)

    # -- actions --------------------------------------------------------------------------------
    def ticked_plan_ids(self) -> list[int]:
        return [pid for pid, box in self.plan_boxes.items() if box.isChecked()]

    def pause(self) -> None:
        ids = self.ticked_plan_ids()
        if not ids:
            self.message.setText("Tick the plans you'd like to pause first.")
            return
        try:
            paused = self.service.pause_plans(ids)
        except VaultError as exc:
            self.message.setText(f"Couldn't pause them: {exc}")
            return
        self.refresh()
        self.message.setText(f"Paused {len(paused)} plan{'s' if len(paused) != 1 else ''}. Look after yourself first.")
        self.plansChanged.emit()

    def resume(self) -> None:
        try:
            resumed = self.service.resume_plans(self.paused_ids, support_reached=self.reached.isChecked())
        except EntryError as exc:
            self.message.setText(str(exc))
            return
        except VaultError as exc:
            self.message.setText(f"Couldn't resume them: {exc}")
            return
        self.refresh()
        self.message.setText(f"Resumed {len(resumed)} plan{'s' if len(resumed) != 1 else ''}. Go gently.")
        self.plansChanged.emit()

    def close_card(self) -> None:
        self.hide()
        self.closed.emit()
