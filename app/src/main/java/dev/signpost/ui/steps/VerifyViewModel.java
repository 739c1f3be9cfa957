package dev.signpost.ui.steps;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.text.Texts;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verify page: runs the check again and sets it beside the first one, check by check, with what to do about
 * anything still failing, including that remote servers may keep the old well-known for up to 48 hours.
 */
public final class VerifyViewModel extends CheckStepModel {

    /** One check before and after; either side may be missing. */
    public record Row(String checkId, Check before, Check after) {
        /** True when a problem got better (e.g. fail → pass, fail → warn), in the one severity order. */
        public boolean improved() {
            return before != null && after != null
                    && (before.status() == Status.FAIL || before.status() == Status.WARN)
                    && before.status().isWorseThan(after.status());
        }
    }

    private final Texts texts;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> advice = FXCollections.observableArrayList();

    public VerifyViewModel(WizardSession session, CheckRunner runner, Texts texts) {
        super(session, runner);
        this.texts = texts;
    }

    @Override
    public void start() {
        rows.clear();
        advice.clear();
        runner().start(domain());
    }

    @Override
    void onReport(Report after) {
        rows.clear();
        advice.clear();
        if (after == null) {
            return;
        }
        session().verifyReportProperty().set(after);
        rows.setAll(rows(session().firstReportProperty().get(), after));
        advice.setAll(advice(after, texts));
    }

    static List<Row> rows(Report before, Report after) {
        Map<String, Check[]> byId = new LinkedHashMap<>();
        if (before != null) {
            before.checks().forEach(c -> byId.computeIfAbsent(c.id(), k -> new Check[2])[0] = c);
        }
        after.checks().forEach(c -> byId.computeIfAbsent(c.id(), k -> new Check[2])[1] = c);
        List<Row> result = new ArrayList<>();
        byId.forEach((id, pair) -> result.add(new Row(id, pair[0], pair[1])));
        return result;
    }

    static List<String> advice(Report after, Texts texts) {
        List<String> result = new ArrayList<>();
        for (Check check : after.checks()) {
            if ((check.status() == Status.FAIL || check.status() == Status.WARN) && check.fix() != null) {
                result.add(check.summary() + " — " + check.fix());
            }
        }
        if (after.hasFailure()) {
            result.add(texts.get("wizard.verify.advice.cache"));
            result.add(texts.get("wizard.verify.advice.recheck"));
        }
        return result;
    }

    /** The live check's report, the "before" of the comparison, or null. */
    public Report before() {
        return session().firstReportProperty().get();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<String> advice() {
        return advice;
    }
}
