"""A seeded private log for Insights: the 10,000-event timing of issue #21 and the app's screenshots.

    python -m bench.insights_log DATA_DIR [--events 10000] [--days 90] [--as-of TODAY] [--time]

Writes `DATA_DIR/history.sqlite3` through the real `History` (masked, sealed),
with a key file beside it (KBASSIST_CONFIG_DIR defaults to DATA_DIR/config),
then with --time runs `kbassist insights --json` on it in a fresh process
(cold: the embedder loads for the gaps) and prints the wall time.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ANSWERED = (("en", "where is my order", "orders/track-order"), ("zh", "退款多久到账", "returns/refund-time.zh"),
            ("en", "how do I reset my password", "account/reset-password"),
            ("zh", "阅读器充电显示E21", "devices/reader/charging-error.zh"),
            ("en", "can I cancel my order", "orders/cancel-order"), ("zh", "怎么开发票", "billing/fapiao.zh"),
            ("en", "my payment failed", "billing/payment-failed"))
GAPS = (("en", "do you ship to canada"), ("en", "can you deliver to Canada?"), ("zh", "能寄到加拿大吗"),
        ("en", "is there a student discount"), ("zh", "学生有优惠吗"), ("zh", "可以用微信支付吗"),
        ("en", "can I pay with WeChat Pay?"), ("en", "do you sell refurbished readers"))
AB = ("returns/refund-time", "Refund released, waiting for the bank")  # the bundled A/B reply


def write_log(data_dir: Path, events: int, days: int, as_of: dt.date, seed: int = 7) -> None:
    os.environ["KBASSIST_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("KBASSIST_CONFIG_DIR", str(data_dir / "config"))
    from kbassist.assist.history import History
    from kbassist.assist.history_model import CopyDetails, ShownDetails, VariantShown

    rng = random.Random(seed)
    end = dt.datetime.combine(as_of, dt.time(18), dt.timezone.utc)
    times = sorted(end - dt.timedelta(seconds=rng.uniform(0, days * 86400 - 36000)) for _ in range(events))
    clock_now = [times[0]]
    log = History(data_dir / "history.sqlite3", clock=lambda: clock_now[0], retention_days=days + 30)
    for when in times:
        clock_now[0] = when
        roll = rng.random()
        escalated = rng.random() < 0.14
        tone = "angry" if escalated and rng.random() < 0.6 else "annoyed" if rng.random() < 0.15 else "calm"
        if roll < 0.12 or (roll < 0.2 and when.date() > as_of - dt.timedelta(days=7)):
            lang, text = rng.choice(GAPS)
            log.record_suggest(lang, escalated, True, text, ShownDetails("", 0.3, (), tone))
            continue
        lang, text, article = rng.choice(ANSWERED)
        variant = rng.choice("ab") if rng.random() < 0.3 else ""
        shown = (VariantShown(AB[0], AB[1], variant),) if variant else ()
        weak = rng.random() < 0.06
        event = log.record_suggest(lang, escalated, False, text,
                                   ShownDetails(AB[0] if variant else article, 0.75, ("anger",) if escalated else (),
                                                tone, weak, shown))
        if rng.random() > (0.78 if variant == "b" else 0.66):
            continue
        clock_now[0] = when + dt.timedelta(seconds=rng.lognormvariate(4.6, 0.7))
        log.record_copy(event, AB[0] if variant else article, AB[1] if variant else "Reply",
                        CopyDetails(variant, (clock_now[0] - when).total_seconds(), rng.choice((0, 0, 0, 0.1, 0.5)),
                                    text))
        if rng.random() < 0.6:
            log.record_feedback(event, "outcome", "resolved" if rng.random() < 0.74 else "follow_up")
        if escalated and rng.random() < 0.1:
            log.record_feedback(event, "override", "not_needed")
    log.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--events", type=int, default=10000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--as-of", default=dt.date.today().isoformat(),
                        help="the last day (default today: an older one lets retention drop the first events)")
    parser.add_argument("--time", action="store_true")
    args = parser.parse_args()
    as_of = dt.date.fromisoformat(args.as_of)
    started = time.perf_counter()
    write_log(args.data_dir, args.events, args.days, as_of)
    print(f"wrote {args.events} events in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.time:
        env = {**os.environ, "KBASSIST_DATA_DIR": str(args.data_dir)}
        for run in ("cold", "warm"):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kbassist.cli", "insights", "--json", "--as-of", args.as_of],
                           env=env, check=True, stdout=subprocess.DEVNULL)
            print(f"kbassist insights --json ({run} start): {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
