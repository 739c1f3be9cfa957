package dev.signpost.core.plan;

import java.util.List;
import java.util.stream.Collectors;

/** A plan with at least one {@link PlanProblem.Severity#ERROR}; thrown instead of generating anything from it. */
public final class InvalidPlanException extends Exception {

    private final transient List<PlanProblem> problems;

    public InvalidPlanException(List<PlanProblem> problems) {
        super(problems.stream().filter(PlanProblem::isError).map(PlanProblem::message)
                .collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, errors and warnings, in field order. */
    public List<PlanProblem> problems() {
        return problems;
    }

    /** Only the problems that block generation. */
    public List<PlanProblem> errors() {
        return problems.stream().filter(PlanProblem::isError).toList();
    }
}
