"""Small knowledge folders written by the tests themselves (no dependency on ../shared)."""
from __future__ import annotations

from pathlib import Path

from kbassist.embed.embedders import HashEmbedder

ARTICLES = {
    "refunds/refund-time.md": """---
id: refunds/refund-time
title: When will my refund arrive?
lang: en
tags: [refunds, payments]
product: store
owner: ana
reviewed: 2026-10-01
review_every: 90d
questions:
  - where is my refund
  - how long does a refund take to reach my credit card
---

# When will my refund arrive?

## Timing by payment method

Refunds to a credit card take 3-10 working days. Wallet refunds arrive within one day.

```reply title="Refund on its way"
Hi {{customer_name|there}}, your refund for order {{order_id}} was issued today and reaches your card within {{days|3-10}} working days.
```
""",
    "refunds/refund-time.zh.md": """---
id: refunds/refund-time.zh
title: 退款多久到账
lang: zh
tags: [refunds, payments]
product: store
owner: ana
reviewed: 2026-10-01
translation_of: refunds/refund-time
questions:
  - 退款多久到账
  - 钱怎么还没退回来
---

# 退款多久到账

## 按支付方式

退回信用卡需要 3 到 10 个工作日，退回钱包一天内到账。

```reply title="退款已发起"
{{customer_name|您好}}，订单 {{order_id}} 的退款已发起，{{days|3-10}} 个工作日内退回您的银行卡。
```
""",
    "devices/charging-error.md": """---
title: Reader shows error E21 and will not charge
lang: en
tags: [devices, charging]
product: reader
questions:
  - my reader will not charge
  - error E21 on screen
---

# Reader shows error E21

## What E21 means

E21 means the battery is too cold or too hot to charge. Let the reader rest at room temperature for 30 minutes.

## Still failing

Try another USB-C cable and a 5 V charger. If E21 stays, offer an exchange.
""",
    "account/reset-password.zh.md": """---
title: 忘记密码怎么办
lang: zh
tags: [account, login]
product: account
questions:
  - 忘记密码了
  - 收不到验证码
---

# 忘记密码怎么办

## 重置密码

在登录页点"忘记密码"，输入手机号，收到短信验证码后设置新密码。验证码五分钟内有效。
""",
    "store/old-promo.md": """---
title: Summer promotion 2025
status: archived
tags: [promotion]
---

# Summer promotion 2025

Twenty percent off every reader cover during the summer promotion.
""",
    "notes/plain-note.md": "# Shipping to islands\n\nParcels to islands take two extra days because of the ferry schedule.\n",
}


def write_folder(root: Path, articles: dict[str, str] | None = None) -> Path:
    for rel, text in (articles or ARTICLES).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


class CountingEmbedder(HashEmbedder):
    """A hash embedder that remembers every text it embedded (what was embedded again, and what not)."""

    def __init__(self):
        super().__init__(64)
        self.embedded: list[str] = []

    def embed(self, texts):
        self.embedded.extend(texts)
        return super().embed(texts)
