package dev.signpost.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.signpost.core.text.Texts;

import java.util.Locale;

/**
 * Reads and writes a {@link DelegationPlan} as JSON, so the wizard can remember it between runs. The JSON uses
 * the record's component names; unknown fields are ignored so an older Signpost can read a newer file.
 */
public final class PlanJson {

    private static final String BUNDLE = "dev.signpost.core.plan.messages";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PlanJson() {
    }

    /** The plan as pretty JSON text, newline-terminated. */
    public static String write(DelegationPlan plan) {
        try {
            return MAPPER.writeValueAsString(plan) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A plan record could not be written as JSON", e);
        }
    }

    /**
     * Reads a plan written by {@link #write(DelegationPlan)}. The result is not validated.
     *
     * @throws PlanValueException with a sentence when the text is empty or not a plan
     */
    public static DelegationPlan read(String json, Locale locale) throws PlanValueException {
        Texts texts = new Texts(BUNDLE, locale);
        if (json == null || json.isBlank()) {
            throw new PlanValueException(texts.get("json.empty"));
        }
        try {
            DelegationPlan plan = MAPPER.readValue(json, DelegationPlan.class);
            if (plan == null) {
                throw new PlanValueException(texts.get("json.empty"));
            }
            return plan;
        } catch (InvalidFormatException e) {
            throw new PlanValueException(texts.get("json.invalid", "\"" + e.getValue() + "\" at "
                    + e.getPathReference()));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new PlanValueException(texts.get("json.invalid", e.getOriginalMessage() + where));
        }
    }
}
