package io.pacer.engine.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentTableTest {

    private static List<Integer> members(AgentTable table, AgentTable.AgentLists lists) {
        List<Integer> out = new ArrayList<>();
        for (int a = table.firstMember(lists); a != -1; a = table.nextMember(a)) {
            out.add(a);
        }
        return out;
    }

    @Test
    void offersTheLongestWaitingReadyAgentFirst() {
        AgentTable table = new AgentTable(10);
        AgentTable.AgentLists lists = new AgentTable.AgentLists();
        for (int agent : new int[] {4, 2, 7}) {
            table.login(agent, 1, 0, lists);
            table.setState(agent, AgentState.READY, agent * 1_000L);
            table.enqueueReady(agent, lists);
        }
        assertEquals(4, table.longestReady(lists));
        table.removeReady(4, lists);
        assertEquals(2, table.longestReady(lists));
        table.enqueueReady(4, lists);
        table.removeReady(2, lists);
        assertEquals(7, table.longestReady(lists));
        table.removeReady(7, lists);
        assertEquals(4, table.longestReady(lists));
        assertEquals(1, lists.ready());
        assertEquals(3, lists.members());
    }

    @Test
    void logoutLeavesTheMemberListAndResetsTheAgent() {
        AgentTable table = new AgentTable(10);
        AgentTable.AgentLists lists = new AgentTable.AgentLists();
        table.login(3, 5, 0, lists);
        table.login(8, 5, 0, lists);
        table.setCall(3, 99);
        table.setLogoutPending(3, true);
        table.logout(3, 1_234, lists);
        assertEquals(List.of(8), members(table, lists));
        assertEquals(AgentState.LOGGED_OUT, table.state(3));
        assertEquals(1_234, table.stateSinceNanos(3));
        assertEquals(0, table.campaign(3));
        table.login(3, 6, 2_000, lists);
        assertEquals(-1, table.call(3), "a new session starts without a call");
        assertFalse(table.logoutPending(3), "a new session starts without a pending logout");
        assertEquals(6, table.campaign(3));
        assertEquals(List.of(8, 3), members(table, lists));
    }

    @Test
    void matchesAModelOfTwoCampaignsUnderRandomLoginsReadiesAndLogouts() {
        int capacity = 40;
        AgentTable table = new AgentTable(capacity);
        AgentTable.AgentLists[] lists = {new AgentTable.AgentLists(), new AgentTable.AgentLists()};
        List<Set<Integer>> modelMembers = List.of(new LinkedHashSet<>(), new LinkedHashSet<>());
        List<Deque<Integer>> modelReady = List.of(new ArrayDeque<>(), new ArrayDeque<>());
        int[] campaignOf = new int[capacity];
        java.util.Arrays.fill(campaignOf, -1);
        Random random = new Random(7);
        for (int step = 0; step < 100_000; step++) {
            int agent = random.nextInt(capacity);
            int c = campaignOf[agent];
            if (c < 0) {
                c = random.nextInt(2);
                table.login(agent, c + 1, step, lists[c]);
                modelMembers.get(c).add(agent);
                campaignOf[agent] = c;
            } else if (modelReady.get(c).contains(agent)) {
                table.removeReady(agent, lists[c]);
                modelReady.get(c).remove(agent);
            } else if (random.nextInt(3) == 0) {
                table.logout(agent, step, lists[c]);
                modelMembers.get(c).remove(agent);
                campaignOf[agent] = -1;
            } else {
                table.enqueueReady(agent, lists[c]);
                modelReady.get(c).addLast(agent);
            }
            for (int k = 0; k < 2; k++) {
                Integer oldest = modelReady.get(k).peekFirst();
                assertEquals(oldest == null ? -1 : oldest, table.longestReady(lists[k]), "step " + step);
                assertEquals(modelReady.get(k).size(), lists[k].ready(), "step " + step);
                assertEquals(modelMembers.get(k).size(), lists[k].members(), "step " + step);
            }
            if (step % 101 == 0) {
                for (int k = 0; k < 2; k++) {
                    assertEquals(new ArrayList<>(modelMembers.get(k)), members(table, lists[k]), "step " + step);
                }
            }
        }
        assertTrue(lists[0].members() + lists[1].members() > 0);
    }
}
