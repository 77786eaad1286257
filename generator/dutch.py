"""Numbers and amounts in Dutch notation, as the site, the PDF and the changelog write them."""

from __future__ import annotations


def euro(value: int | float) -> str:
    """Dutch euro notation: 50000000 -> '€ 50 miljoen', 25500000 -> '€ 25,5 miljoen'."""
    if value >= 1_000_000:
        millions = value / 1_000_000
        text = f"{millions:.1f}".rstrip("0").rstrip(".").replace(".", ",")
        return f"€ {text} miljoen"
    return "€ " + f"{value:,.0f}".replace(",", ".")


def number(value: int | float) -> str:
    """Dutch number notation: 13500 -> '13.500', 25.5 -> '25,5'."""
    if isinstance(value, float) and not value.is_integer():
        whole, _, fraction = f"{value}".partition(".")
        return f"{int(whole):,}".replace(",", ".") + "," + fraction
    return f"{int(value):,}".replace(",", ".")
