"""Planner figures: the live script check on a long script, and opening the board with 2,000 plans."""

from __future__ import annotations

import os
import random
import shutil
from datetime import date, timedelta

from common import Row, fmt_ms, median_ms, memory_vault, verdict

from amends_desktop.domain import models as m
from amends_desktop.domain.enums import Answer, Cadence, Hold, PlanType, Stage, Willingness
from amends_desktop.domain.script_check import check_script
from amends_desktop.services.planner import PlannerService
from amends_desktop.storage.repository import transaction

SCRIPT_SENTENCES = (
    "Mum, I took the money from your purse in 2019 and I lied to you about it.",
    "I'm sorry, but it was the drugs talking.",
    "I was wrong, and it was my fault.",
    "If I hurt you, I apologise.",
    "I want to pay back every euro, fifty a month, starting this month.",
    "I'd like to hear how it affected you.",
    "From now on I will call you every Sunday.",
    "You have to forgive me.",
    "Things were hard for me too.",
    "What can I do to make this right?",
)


def long_script(words: int) -> str:
    rng = random.Random(5)
    out: list[str] = []
    count = 0
    while count < words:
        sentence = rng.choice(SCRIPT_SENTENCES)
        out.append(sentence)
        count += len(sentence.split())
        if rng.random() < 0.15:
            out.append("\n\n")
    return " ".join(out)


def fill_plans(service: PlannerService, n: int) -> None:
    repos = service.repos
    rng = random.Random(11)
    today = date.today()
    stages = list(Stage)
    with transaction(repos.conn):
        for i in range(n):
            person = repos.people.add(m.Person(name=f"Person {i:04d}", willingness=Willingness.WILLING))
            pid = int(person.id or 0)
            harm = repos.harms.add(m.Harm(person_id=pid, what_happened=f"Harm number {i}"))
            hold = rng.choice([None] * 8 + [Hold.PAUSED, Hold.DEFERRED])
            plan = repos.plans.add(m.Plan(
                person_id=pid, type=rng.choice(list(PlanType)), stage=rng.choice(stages), hold=hold,
                hold_since=today.isoformat() if hold else None, priority=i + 1,
                safety_hurt_them=rng.choice([None, Answer.NO, Answer.YES]),
                follow_up_on=(today + timedelta(days=rng.randint(-5, 30))).isoformat() if rng.random() < 0.3 else None,
            ))
            plan_id = int(plan.id or 0)
            repos.set_plan_harms(plan_id, [int(harm.id or 0)])
            if rng.random() < 0.2:
                ledger = repos.ledgers.add(m.Ledger(plan_id=plan_id, owed_minor=50000, affordable_minor=5000))
                for k in range(10):
                    repos.instalments.add(m.Instalment(ledger_id=int(ledger.id or 0),
                                                       due_on=(today + timedelta(days=30 * (k - 3))).isoformat(),
                                                       amount_minor=5000))
                repos.payments.add(m.Payment(ledger_id=int(ledger.id or 0), paid_on=today.isoformat(), amount_minor=5000))
            if rng.random() < 0.2:
                c = repos.commitments.add(m.Commitment(plan_id=plan_id, description="Call weekly", cadence=Cadence.WEEKLY,
                                                       started_on=(today - timedelta(days=60)).isoformat()))
                for k in range(6):
                    repos.check_ins.add(m.CheckIn(commitment_id=int(c.id or 0),
                                                  on_date=(today - timedelta(days=7 * k + 1)).isoformat(), kept=k != 2))


def run(quick: bool) -> list[Row]:
    rows: list[Row] = []
    reps = 9 if quick else 31

    text = long_script(5000)
    words = len(text.split())
    med, _ = median_ms(lambda: check_script(text), reps, warmup=2)
    findings = len(check_script(text))
    rows.append(Row("script check, 5,000-word script", fmt_ms(med), verdict(med, 20),
                    f"median of {reps}; {words} words, {findings} findings"))

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    manager, vault, _store = memory_vault()
    try:
        service = PlannerService(vault.repos)
        n = 2000
        fill_plans(service, n)
        med, _ = median_ms(service.board, max(5, reps // 2))
        rows.append(Row(f"board rows for {n:,} plans (service)", fmt_ms(med), "",
                        "plans, people, harm counts and due badges in a fixed number of queries"))

        import time

        from amends_desktop.services.session import Session
        from amends_desktop.ui.navigation import Navigator
        from amends_desktop.ui.planner.tab import PlannerTab

        started = time.perf_counter()
        tab = PlannerTab(Session(manager, vault), Navigator())
        tab.resize(1280, 800)
        tab.show()
        app.processEvents()
        first = (time.perf_counter() - started) * 1000
        rows.append(Row(f"Planner tab first shown, {n:,} plans", fmt_ms(first), "", "widgets + board + due list, once"))

        def open_board() -> None:
            tab.refresh_board()
            app.processEvents()

        med, _ = median_ms(open_board, max(5, reps // 2))
        rows.append(Row(f"open the board with {n:,} plans", fmt_ms(med), verdict(med, 250),
                        "service rows + due list + grouped model reset + expand + paint"))

        def filter_once() -> None:
            tab.person_filter.setText("person 19")
            app.processEvents()
            tab.person_filter.clear()
            app.processEvents()

        med, _ = median_ms(filter_once, max(5, reps // 2))
        rows.append(Row(f"filter the board by person and back ({n:,} plans)", fmt_ms(med), "", "type-ahead filter"))
        tab.close()
    finally:
        vault.close()
        shutil.rmtree(manager.paths.folder.parent, ignore_errors=True)
    return rows
