package io.pacer.store.campaign;

/**
 * One period of campaign hours on one weekday, in the campaign's time zone; a weekday may have several.
 *
 * @param weekday     1 = Monday .. 7 = Sunday (ISO)
 * @param startMinute minute of the day the period opens (0..1439)
 * @param endMinute   minute of the day it closes, exclusive (1..1440), after {@code startMinute}
 */
public record HoursPeriod(int weekday, int startMinute, int endMinute) {
}
