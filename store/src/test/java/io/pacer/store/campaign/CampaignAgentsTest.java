package io.pacer.store.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pacer.engine.campaign.AgentRules;
import io.pacer.engine.core.SystemClock;
import io.pacer.pacing.DialMode;
import io.pacer.store.Storage;
import io.pacer.store.db.Database;
import io.pacer.store.error.InvalidFieldException;
import io.pacer.store.error.NotFoundException;
import io.pacer.store.user.Role;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A campaign's timers on its agents and its responsibles as the core gets them, on both databases. */
class CampaignAgentsTest {

    private static long campaign(Storage storage, List<Long> users, List<Long> groups) {
        return storage.campaigns().create(new Campaign(0, "Agents", "", CampaignStatus.ENABLED, false, null, "UTC",
                DialMode.PREVIEW, 1, 0, 0.03, 15_000, 2_000, 20, List.of(), 10, 0, 1440, Campaign.DEFAULT_SUBJECT,
                true, "DE", List.of(), Map.of(), users, groups), System.currentTimeMillis()).id();
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void responsiblesAreTheUsersNamedAndTheMembersOfTheGroupsNamedLessTheDisabled(Supplier<Database> db) {
        try (Storage storage = Storage.over(db.get(), "e1", SystemClock.INSTANCE)) {
            long ann = storage.users().create("ann", Role.AGENT).user().id();
            long bob = storage.users().create("bob", Role.AGENT).user().id();
            storage.users().create("eve", Role.AGENT);
            long dan = storage.users().create("dan", Role.AGENT).user().id();
            long team = storage.users().createGroup("team", List.of(bob, dan));
            long id = campaign(storage, List.of(ann), List.of(team));
            assertArrayEquals(new int[] {(int) ann, (int) bob, (int) dan}, storage.campaignAgents().responsibleUserIds(id),
                    "not eve, who is neither named nor in the team");
            storage.users().setDisabled(dan, true);
            assertArrayEquals(new int[] {(int) ann, (int) bob}, storage.campaignAgents().responsibleUserIds(id),
                    "a disabled user can log in by no path");
            assertArrayEquals(new int[0], storage.campaignAgents().responsibleUserIds(campaign(storage, List.of(), List.of())));
        }
    }

    @ParameterizedTest
    @MethodSource("io.pacer.store.TestDatabases#both")
    void rulesAreStoredCheckedAndNoneUntilSet(Supplier<Database> db) {
        try (Storage storage = Storage.over(db.get(), "e1", SystemClock.INSTANCE)) {
            long id = campaign(storage, List.of(), List.of());
            assertEquals(AgentRules.NONE, storage.campaignAgents().rules(id));
            storage.campaignAgents().setRules(id, 20_000, 3, 60_000);
            assertEquals(new AgentRules(20_000, 3, 60_000), storage.campaignAgents().rules(id));
            storage.campaignAgents().setRules(id, 0, 0, 30_000);
            assertEquals(new AgentRules(0, 0, 30_000), storage.campaignAgents().rules(id), "replaced whole");
            InvalidFieldException bad = assertThrows(InvalidFieldException.class,
                    () -> storage.campaignAgents().setRules(id, 100, 0, 0));
            assertEquals("previewTimeoutMillis", bad.field());
            assertEquals(new AgentRules(0, 0, 30_000), storage.campaignAgents().rules(id), "a refused change loses nothing");
            assertThrows(NotFoundException.class, () -> storage.campaignAgents().rules(9_999));
        }
    }
}
