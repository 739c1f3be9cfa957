package dev.signpost.core.model;

import java.util.List;

/**
 * Whether one Matrix app will work with this server, in one line, and the checks that verdict rests on.
 *
 * @param id       stable id: {@code element-web}, {@code element-x}, {@code element-call}, {@code federation}
 * @param status   the worst status of the checks it rests on ({@code skip} when the app is not set up)
 * @param summary  one line a person reads, e.g. "Element X: cannot connect — sliding sync is off"
 * @param checkIds the ids of the checks this verdict rests on
 */
public record AppVerdict(String id, Status status, String summary, List<String> checkIds) {

    public AppVerdict {
        checkIds = List.copyOf(checkIds);
    }
}
