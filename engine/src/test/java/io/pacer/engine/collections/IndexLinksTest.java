package io.pacer.engine.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexLinksTest {

    private static List<Integer> walk(IndexLinks links, IndexLinks.Head list) {
        List<Integer> out = new ArrayList<>();
        for (int i = list.first(); i != IndexLinks.NONE; i = links.next(i)) {
            out.add(i);
            if (out.size() > 10_000) {
                throw new AssertionError("cycle in list: " + out.subList(0, 20));
            }
        }
        return out;
    }

    @Test
    void removesFromHeadMiddleAndTailAndAppendsAfterwards() {
        IndexLinks links = new IndexLinks(8);
        IndexLinks.Head list = new IndexLinks.Head();
        for (int i : new int[] {3, 1, 4, 5, 7}) {
            links.append(i, list);
        }
        links.remove(4, list);
        assertEquals(List.of(3, 1, 5, 7), walk(links, list));
        links.remove(3, list);
        assertEquals(List.of(1, 5, 7), walk(links, list));
        links.remove(7, list);
        assertEquals(List.of(1, 5), walk(links, list));
        links.append(3, list);
        assertEquals(List.of(1, 5, 3), walk(links, list));
        links.remove(1, list);
        links.remove(5, list);
        links.remove(3, list);
        assertEquals(List.of(), walk(links, list));
        assertEquals(0, list.size());
        assertEquals(IndexLinks.NONE, list.first());
        links.append(6, list);
        assertEquals(List.of(6), walk(links, list));
        assertEquals(IndexLinks.NONE, links.next(6));
    }

    @Test
    void keepsDisjointListsOfOneFamilyApartUnderRandomOperations() {
        int capacity = 64;
        IndexLinks links = new IndexLinks(capacity);
        IndexLinks.Head[] lists = {new IndexLinks.Head(), new IndexLinks.Head(), new IndexLinks.Head()};
        List<List<Integer>> model = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int[] listOf = new int[capacity];
        java.util.Arrays.fill(listOf, -1);
        Random random = new Random(42);
        for (int step = 0; step < 200_000; step++) {
            int index = random.nextInt(capacity);
            if (listOf[index] < 0) {
                int target = random.nextInt(lists.length);
                links.append(index, lists[target]);
                model.get(target).add(index);
                listOf[index] = target;
            } else {
                links.remove(index, lists[listOf[index]]);
                model.get(listOf[index]).remove(Integer.valueOf(index));
                listOf[index] = -1;
            }
            if (step % 97 == 0) {
                for (int l = 0; l < lists.length; l++) {
                    assertEquals(model.get(l), walk(links, lists[l]), "list " + l + " at step " + step);
                    assertEquals(model.get(l).size(), lists[l].size(), "size of list " + l + " at step " + step);
                }
            }
        }
    }
}
