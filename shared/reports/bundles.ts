/**
 * An office below is late when no bundle from it has arrived for more than this many days (office-local
 * days). A week: the 24-hour rule is for reporting a foreigner to the commune, not for moving files; a
 * commune that is offline carries its bundle by USB stick when someone goes to the province, which the
 * seeds and the domain brief put at "days or weeks". A weekly run is what a province can ask of its
 * communes, and a gap longer than a week is worth a phone call. One number for every level: the
 * national office sees its provinces against the same week.
 */
export const BUNDLE_LATE_DAYS = 7;
