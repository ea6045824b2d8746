"""Translated words for the engine's stable codes (warnings, escalation reasons, problems).

The engine speaks fixed codes with parameters; the app shows the code as a
translated label (Qt's translations) and the detail worded by the engine's
catalog (`kbassist.wording`) in the interface language, which
`ui.app.install_translators` makes Qt's default locale.
"""
from __future__ import annotations

from kbassist.assist.presend import PreSendWarning
from kbassist.assist.triage import EscalationReason
from kbassist.errors import Problem
from kbassist.wording import language

from .qt import QLocale, QObject


def interface_lang() -> str:
    """`zh` or `en`: the language the app's words are in."""
    return language(QLocale().name())


class Wording(QObject):
    def warning(self, warning: PreSendWarning) -> str:
        labels = {
            "unfilled_placeholder": self.tr("Unfilled placeholder"),
            "personal_data": self.tr("Personal data"),
            "article_overdue": self.tr("Article overdue for review"),
            "article_expired": self.tr("Article expired"),
            "article_affected_by_launch": self.tr("Article affected by a launch"),
            "article_draft": self.tr("Article is a draft"),
            "article_archived": self.tr("Article is archived"),
            "article_stale": self.tr("Article may be stale"),
            "fit_code": self.tr("Different code"),
            "fit_amount": self.tr("Different amount"),
            "fit_order_state": self.tr("Order state contradicts the customer"),
            "fit_language": self.tr("Other language"),
            "fit_weak_match": self.tr("Weak match"),
        }
        return f"{labels.get(warning.code, warning.code)}: {warning.text(interface_lang())}"

    def problem(self, problem: Problem) -> str:
        return problem.text(interface_lang())

    def reason(self, reason: EscalationReason) -> str:
        labels = {
            "anger": self.tr("anger"),
            "complaint_threat": self.tr("complaint threat"),
            "legal": self.tr("legal"),
            "churn": self.tr("wants to leave"),
            "safety": self.tr("safety"),
            "repeat_contact": self.tr("repeat contact"),
            "repeated_failure": self.tr("repeated failure"),
            "chargeback": self.tr("chargeback"),
            "vulnerable": self.tr("vulnerable customer"),
            "privacy_breach": self.tr("privacy breach"),
            "manager_demand": self.tr("asks for a manager"),
            "money_loss": self.tr("money lost"),
            "intensity": self.tr("intensity"),
        }
        return f"{labels.get(reason.code, reason.code)} ({reason.evidence})"


wording = Wording()
