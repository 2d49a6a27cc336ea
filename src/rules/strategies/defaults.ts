// The price guard every shop has until it says otherwise, and why these numbers.

/**
 * Percentages of an item's baseline price (the median of its accepted listing prices, kept by the
 * price_error detector). Ordinary promotions go to 25% off (75% of the baseline), so a warning
 * below 70% stays quiet for them and speaks up for a discount deeper than promotions go; a price
 * under 30% of the baseline (70% off or more) is past nearly every clearance, and a typing slip
 * (59.99 for 5,999.00, 1%) is far under it, so the default stop-loss pauses the listing and holds
 * orders at such a price until a person confirms it. A merchant planning a deeper sale sets its
 * own lines, for the shop or for the item.
 */
export const PRICE_GUARD_DEFAULTS = { warnBelowPct: 70, stopLossBelowPct: 30 } as const;
