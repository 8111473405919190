package io.pacer.store.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pacer.engine.campaign.AgentRules;
import io.pacer.engine.campaign.AmdSettings;
import io.pacer.engine.campaign.Regime;
import io.pacer.engine.core.SystemClock;
import io.pacer.engine.port.ContactSlot;
import io.pacer.pacing.DialMode;
import io.pacer.store.Storage;
import io.pacer.store.contact.ContactList;
import io.pacer.store.contact.ContactNumber;
import io.pacer.store.contact.NumberType;
import io.pacer.store.db.Database;
import io.pacer.store.db.Jdbc;
import io.pacer.store.user.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A duplicate carries everything that protects people and defines the campaign (issue 14): regime and lockout,
 * hours, do-not-call, display numbers, responsibles, treatments and caller-ID rule, call logging, agent rules, AMD,
 * and its lists with their contacts and every number of each; and a number blocked in the original is never
 * dialled by the copy, even when it is the second number of a contact.
 */
class CampaignDuplicationTest {

    private static final String MAIN = "+4930200001";
    private static final String BLOCKED_SECOND = "+4930200099";
    private static final String THIRD = "+4930200077";

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void aCopyKeepsWhatProtectsPeopleAndDefinesTheCampaignAndNeverDialsABlockedNumber(Supplier<Database> database)
            throws Exception {
        try (Storage storage = Storage.over(database.get(), "e1", SystemClock.INSTANCE)) {
            long now = System.currentTimeMillis();
            long owner = storage.users().create("lead", Role.SUPERVISOR, "t-lead").id();
            List<HoursPeriod> hours = new ArrayList<>();
            for (int day = 1; day <= 7; day++) {
                hours.add(new HoursPeriod(day, 0, 1440));
            }
            Campaign source = storage.campaigns().create(new Campaign(0, "Source", "", CampaignStatus.ENABLED, false, null,
                    "Europe/London", DialMode.PROGRESSIVE, 1, 0, 0.03, 15_000, 1_750, 20, List.of("+442071234567", "+442071234568"),
                    10, 0, 1440, Campaign.DEFAULT_SUBJECT, true, "DE", hours,
                    Map.of(RetryClass.BUSY, new RetryRule(120, 2)), List.of(owner), List.of(),
                    Compliance.defaultsOf(Regime.OFCOM)), now);
            long id = source.id();
            ContactList list = storage.lists().save(new ContactList(0, id, "Warm", 3, true, 4));
            long contact = storage.db().write(c -> Jdbc.insert(c, """
                    INSERT INTO contacts(campaign_id, phone, name, fields, time_zone, state, next_due_millis, list_id)
                    VALUES (?, ?, 'Ann', '{}', 'Europe/Berlin', 'READY', 0, ?) RETURNING id""", id, MAIN, list.id()));
            storage.numbers().replace(id, contact, List.of(
                    new ContactNumber(0, MAIN, NumberType.HOME, null, -1, -1, 0, null),
                    new ContactNumber(1, BLOCKED_SECOND, NumberType.MOBILE, null, -1, -1, 0, null),
                    new ContactNumber(2, THIRD, NumberType.WORK, null, -1, -1, 0, null)));
            storage.doNotCall().add(id, BLOCKED_SECOND, now);
            DialingRules rules = new DialingRules(CallerIdMode.ROTATE, Map.of(RetryClass.BUSY,
                    List.of(new Treatment(TreatmentAction.NEXT_NUMBER, 0, -1))));
            storage.dialingRules().put(id, rules);
            storage.callLogging().setLogsUnanswered(id, false);
            AgentRules agentRules = storage.campaignAgents().setRules(id, 20_000, 3, 30_000);
            AmdSettings amd = AmdSettings.preset(true, "cautious");
            storage.amd().put(id, amd);

            Campaign copy = storage.campaigns().duplicate(id, "Copy", now);

            assertEquals(source.compliance(), copy.compliance(), "regime and lockout");
            assertEquals(Regime.OFCOM, copy.compliance().regime());
            assertEquals(hours, copy.hours());
            assertEquals(source.retryRules(), copy.retryRules());
            assertEquals(source.displayNumbers(), copy.displayNumbers());
            assertEquals(List.of(owner), copy.responsibleUsers());
            assertEquals(List.of(BLOCKED_SECOND), storage.doNotCall().list(copy.id()));
            assertEquals(rules, storage.dialingRules().get(copy.id()));
            assertFalse(storage.callLogging().logsUnanswered(copy.id()));
            assertEquals(agentRules, storage.campaignAgents().rules(copy.id()));
            assertEquals(amd, storage.amd().get(copy.id()));
            List<ContactList> lists = storage.lists().list(copy.id());
            assertEquals(1, lists.size());
            assertEquals(List.of("Warm", 3, true, 4), List.of(lists.get(0).name(), lists.get(0).weight(), lists.get(0).active(),
                    lists.get(0).maxAttempts()));
            long copied = storage.db().read(c -> Jdbc.number(c,
                    "SELECT id FROM contacts WHERE campaign_id = ? AND list_id = ?", copy.id(), lists.get(0).id()));
            assertEquals(List.of(MAIN, BLOCKED_SECOND, THIRD),
                    storage.numbers().list(copy.id(), copied).stream().map(ContactNumber::number).toList());

            // The copy's chain is at its second number, the blocked one: the hopper skips it and dials the third.
            storage.db().write(c -> Jdbc.update(c, "UPDATE contacts SET number_position = 1 WHERE id = ?", copied));
            storage.doNotCall().remember(copy.id(), BLOCKED_SECOND);
            storage.startCampaign(copy.id());
            ContactSlot slot = new ContactSlot();
            long deadline = System.currentTimeMillis() + 10_000;
            while (!storage.hopper().next((int) copy.id(), System.currentTimeMillis(), slot)) {
                assertTrue(System.currentTimeMillis() < deadline, "the copy's contact was never handed out");
                Thread.sleep(10);
            }
            assertEquals(THIRD, slot.number, "the number blocked in the original is skipped by the copy");
        }
    }
}
