package io.pacer.store.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.call.CallOutcome;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.CallRecord;
import io.pacer.engine.port.ContactSlot;
import io.pacer.pacing.DialMode;
import io.pacer.store.Storage;
import io.pacer.store.campaign.CallerIdMode;
import io.pacer.store.campaign.Campaign;
import io.pacer.store.campaign.CampaignStatus;
import io.pacer.store.campaign.DialingRules;
import io.pacer.store.campaign.RetryClass;
import io.pacer.store.campaign.RetryRule;
import io.pacer.store.campaign.Treatment;
import io.pacer.store.campaign.TreatmentAction;
import io.pacer.store.contact.ColumnMapping;
import io.pacer.store.contact.ContactNumber;
import io.pacer.store.contact.ImportMode;
import io.pacer.store.contact.ImportReport;
import io.pacer.store.contact.NumberType;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.error.InvalidFieldException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A contact's attempt chain over its numbers and the campaign's treatments, through the real hopper and journal
 * on both databases: which number the hopper hands out after each recorded outcome, and when.
 */
class AttemptChainTest {

    static final String MOBILE = "+4915112345678";
    static final String WORK = "+493012345678";
    static final ColumnMapping NUMBERS = new ColumnMapping(List.of(), "name", List.of(), null,
            List.of(ColumnMapping.NumberColumn.parse("mobile:MOBILE"), ColumnMapping.NumberColumn.parse("work:WORK")), -1);

    static Campaign campaign(Storage storage, String name, List<String> displayNumbers) {
        return storage.campaigns().create(new Campaign(0, name, "", CampaignStatus.ENABLED, false, null, "UTC",
                DialMode.PROGRESSIVE, 1, 0, 0.03, 15_000, 2_000, 20, displayNumbers, 10, 0, 1440,
                Campaign.DEFAULT_SUBJECT, true, "DE", List.of(),
                Map.of(RetryClass.NO_ANSWER, new RetryRule(3600, 3), RetryClass.BUSY, new RetryRule(600, 3)),
                List.of(), List.of()), System.currentTimeMillis());
    }

    static long importOne(Storage storage, long campaignId) {
        ImportReport report = storage.importer().importCsv(campaignId, new StringReader("name,mobile,work\nAda," + MOBILE
                + ",030 12345678\n"), ',', NUMBERS, ImportMode.APPEND, "test", System.currentTimeMillis());
        assertEquals(1, report.imported(), report.toString());
        return storage.db().read(c -> Jdbc.number(c, "SELECT id FROM contacts WHERE campaign_id = ?", campaignId));
    }

    static ContactSlot awaitNext(Storage storage, long campaignId) throws InterruptedException {
        ContactSlot slot = new ContactSlot();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!storage.hopper().next((int) campaignId, System.currentTimeMillis(), slot)) {
            assertTrue(System.currentTimeMillis() < deadline, "the hopper handed out nothing");
            Thread.sleep(10);
        }
        return slot;
    }

    static void finish(Storage storage, long campaignId, ContactSlot slot, CallOutcome outcome, long callId) {
        CallRecord r = new CallRecord();
        r.callId = callId;
        r.campaignId = (int) campaignId;
        r.contactId = slot.contactId;
        r.number = slot.number;
        r.callerId = slot.callerId;
        r.outcome = outcome;
        r.startEpochMillis = System.currentTimeMillis();
        r.dialNanos = 0;
        r.endNanos = 1_000_000;
        storage.journal().record(r);
        assertTrue(storage.journal().flush(10_000));
    }

    static Object[] contactRow(Storage storage, long contactId) {
        return storage.db().read(c -> Jdbc.one(c,
                "SELECT state, next_due_millis, number_position, attempts, attempts_busy FROM contacts WHERE id = ?",
                rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)}, contactId).orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void busyOnTheMobileDialsTheWorkNumberAtOnceAndNoAnswerOnBothMakesTheContactWait(Supplier<Database> database) throws Exception {
        try (Storage storage = Storage.over(database.get(), "e1", SystemClock.INSTANCE)) {
            long id = campaign(storage, "Chain", List.of()).id();
            long contact = importOne(storage, id);
            List<ContactNumber> numbers = storage.numbers().list(id, contact);
            assertEquals(List.of(MOBILE, WORK), numbers.stream().map(ContactNumber::number).toList());
            assertEquals(List.of(NumberType.MOBILE, NumberType.WORK), numbers.stream().map(ContactNumber::type).toList());
            storage.startCampaign(id);

            ContactSlot first = awaitNext(storage, id);
            assertEquals(MOBILE, first.number);
            finish(storage, id, first, CallOutcome.BUSY, 1);
            Object[] afterBusy = contactRow(storage, contact);
            // Due at once, so the hopper's refill may have claimed it again before this read: READY or DIALING.
            assertTrue(Set.of("READY", "DIALING").contains(afterBusy[0]), "state after busy: " + afterBusy[0]);
            assertTrue((Long) afterBusy[1] <= System.currentTimeMillis(), "the next number is due at once");
            assertEquals(1, afterBusy[2]);

            ContactSlot second = awaitNext(storage, id);
            assertEquals(WORK, second.number, "busy on the mobile: the work number next");
            long before = System.currentTimeMillis();
            finish(storage, id, second, CallOutcome.NO_ANSWER, 2);
            Object[] waiting = contactRow(storage, contact);
            assertEquals("READY", waiting[0]);
            assertTrue((Long) waiting[1] >= before + 3_600_000, "every number tried: the contact waits the rule's delay");
            assertEquals(0, waiting[2], "the next round starts at the first number");
            assertEquals(2, waiting[3]);
            List<ContactNumber> after = storage.numbers().list(id, contact);
            assertEquals(List.of("BUSY", "NO_ANSWER"), after.stream().map(ContactNumber::lastOutcome).toList());
            assertEquals(List.of(1, 1), after.stream().map(ContactNumber::attempts).toList());
            storage.stopCampaign(id);
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aBlockedNumberIsSkippedAndOnlyAContactWithEveryNumberBlockedIsClosed(Supplier<Database> database) throws Exception {
        try (Storage storage = Storage.over(database.get(), "e1", SystemClock.INSTANCE)) {
            long id = campaign(storage, "Blocked", List.of()).id();
            long contact = importOne(storage, id);
            storage.doNotCall().add(id, MOBILE, System.currentTimeMillis());
            storage.startCampaign(id);
            ContactSlot slot = awaitNext(storage, id);
            assertEquals(WORK, slot.number, "the blocked mobile is skipped, not the contact");
            storage.hopper().giveBack((int) id, slot.contactId);
            storage.stopCampaign(id);
            assertEquals("READY", contactRow(storage, contact)[0]);

            storage.doNotCall().add(id, WORK, System.currentTimeMillis());
            storage.startCampaign(id);
            long deadline = System.currentTimeMillis() + 10_000;
            while (!"CLOSED".equals(contactRow(storage, contact)[0])) {
                assertTrue(System.currentTimeMillis() < deadline, "a contact whose every number is blocked is closed");
                Thread.sleep(10);
            }
            assertFalse(storage.hopper().next((int) id, System.currentTimeMillis(), new ContactSlot()));
            storage.stopCampaign(id);
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void busyTreatmentRedialsAfterFiveThenSixtyMinutesThenTriesTheNextNumberThenExhausts(Supplier<Database> database) {
        try (Storage storage = Storage.over(database.get(), "e1", SystemClock.INSTANCE)) {
            long id = campaign(storage, "Treat", List.of()).id();
            long contact = importOne(storage, id);
            storage.dialingRules().put(id, new DialingRules(CallerIdMode.FIRST, Map.of(RetryClass.BUSY, List.of(
                    new Treatment(TreatmentAction.REDIAL, 300, -1), new Treatment(TreatmentAction.REDIAL, 3600, -1),
                    new Treatment(TreatmentAction.NEXT_NUMBER, 0, -1)))));
            long[] expectedDelay = {300_000, 3_600_000, 0};
            int[] expectedPosition = {0, 0, 1};
            for (int step = 0; step < 3; step++) {
                long now = busyOn(storage, id, contact, MOBILE, step + 10);
                Object[] row = contactRow(storage, contact);
                assertEquals("READY", row[0], "step " + step);
                assertTrue(Math.abs((Long) row[1] - now - expectedDelay[step]) < 5_000, "step " + step + " due " + row[1]);
                assertEquals(expectedPosition[step], row[2], "step " + step);
            }
            busyOn(storage, id, contact, WORK, 20);
            assertEquals("EXHAUSTED", contactRow(storage, contact)[0], "the steps ran out");
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void noAnswerTreatmentWaitsTwoHoursThenTomorrowMorningInTheContactsZone(Supplier<Database> database) {
        try (Storage storage = Storage.over(database.get(), "e1", SystemClock.INSTANCE)) {
            long id = campaign(storage, "Morning", List.of()).id();
            long contact = importOne(storage, id);
            storage.dialingRules().put(id, new DialingRules(CallerIdMode.FIRST, Map.of(RetryClass.NO_ANSWER, List.of(
                    new Treatment(TreatmentAction.REDIAL, 7200, -1), new Treatment(TreatmentAction.NEXT_DAY, 0, 540)))));
            setDialing(storage, contact);
            ContactSlot slot = slot(id, contact, MOBILE);
            long now = System.currentTimeMillis();
            finish(storage, id, slot, CallOutcome.NO_ANSWER, 30);
            assertTrue(Math.abs((Long) contactRow(storage, contact)[1] - now - 7_200_000) < 5_000);
            setDialing(storage, contact);
            finish(storage, id, slot, CallOutcome.NO_ANSWER, 31);
            ZoneId berlin = ZoneId.of("Europe/Berlin");
            ZonedDateTime due = Instant.ofEpochMilli((Long) contactRow(storage, contact)[1]).atZone(berlin);
            assertEquals(ZonedDateTime.now(berlin).toLocalDate().plusDays(1), due.toLocalDate());
            assertEquals(9, due.getHour(), "09:00 in the contact's zone");
            assertEquals(0, due.getMinute());
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void treatmentsAreValidatedNamingTheStepAndStoredUnchangedWhenRefused(Supplier<Database> database) {
        try (Storage storage = Storage.over(database.get(), "e1", SystemClock.INSTANCE)) {
            long id = campaign(storage, "Valid", List.of()).id();
            InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> new DialingRules(CallerIdMode.ROTATE,
                    Map.of(RetryClass.NO_ANSWER, List.of(new Treatment(TreatmentAction.REDIAL, 60, -1),
                            new Treatment(TreatmentAction.NEXT_DAY, 0, -1)))));
            assertEquals("treatments.NO_ANSWER[1].atMinute", e.field());
            e = assertThrows(InvalidFieldException.class, () -> new DialingRules(CallerIdMode.ROTATE,
                    Map.of(RetryClass.BUSY, List.of(new Treatment(TreatmentAction.REDIAL, -5, -1)))));
            assertEquals("treatments.BUSY[0].delaySeconds", e.field());
            assertEquals(DialingRules.DEFAULT, storage.dialingRules().get(id));
        }
    }

    private static long busyOn(Storage storage, long campaignId, long contact, String number, long callId) {
        setDialing(storage, contact);
        long now = System.currentTimeMillis();
        finish(storage, campaignId, slot(campaignId, contact, number), CallOutcome.BUSY, callId);
        return now;
    }

    private static ContactSlot slot(long campaignId, long contact, String number) {
        ContactSlot slot = new ContactSlot();
        slot.contactId = contact;
        slot.number = number;
        return slot;
    }

    private static void setDialing(Storage storage, long contact) {
        storage.db().write(c -> Jdbc.update(c, "UPDATE contacts SET state = 'DIALING' WHERE id = ?", contact));
    }
}
