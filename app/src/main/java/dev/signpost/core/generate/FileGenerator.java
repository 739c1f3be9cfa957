package dev.signpost.core.generate;

import java.util.List;

/** Turns a validated plan (inside its {@link GenerationContext}) into files. Pure: no I/O, same input, same files. */
public interface FileGenerator {

    /** The files for this generator's kind; may be empty when the plan does not need them. */
    List<GeneratedFile> generate(GenerationContext context);
}
