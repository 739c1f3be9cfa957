package dev.signpost.core.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signpost.core.io.JsonNumbers;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.plan.SupportContact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code /.well-known/matrix/server}, {@code client} and {@code support} files: pretty JSON (two-space indent,
 * {@code "key": value}), UTF-8, ending with a newline. JSON has no comments, so each file's purpose sentence says
 * where it goes.
 */
public final class WellKnownGenerator implements FileGenerator {

    private static final ObjectMapper MAPPER = JsonNumbers.exactMapper();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    /** The documents a plan's web server must serve (the server file only when delegating by well-known). */
    public static List<WellKnownDocument> documents(DelegationPlan plan) {
        List<WellKnownDocument> documents = new ArrayList<>();
        if (plan.federationMode() == FederationMode.WELL_KNOWN) {
            documents.add(new WellKnownDocument("server", serverBody(plan)));
        }
        documents.add(new WellKnownDocument("client", clientBody(plan)));
        if (plan.hasSupport()) {
            documents.add(new WellKnownDocument("support", supportBody(plan)));
        }
        return documents;
    }

    /** {@code {"m.server": "host:port"}} with the port always explicit. */
    public static String serverBody(DelegationPlan plan) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("m.server", plan.federationAuthority());
        return pretty(root);
    }

    /**
     * {@code m.homeserver}, the optional {@code m.identity_server}, the call service as {@link DelegationPlan#RTC_FOCI_KEY},
     * then the extra keys in key order. The sign-in service's legacy {@code org.matrix.msc2965.authentication}
     * key is left out: clients read the issuer from the homeserver's auth metadata, and a stale copy here only
     * risks the mismatch {@code mas-cli doctor} warns about.
     */
    public static String clientBody(DelegationPlan plan) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putObject("m.homeserver").put("base_url", plan.clientBaseUrl());
        if (plan.identityServerUrl() != null) {
            root.putObject("m.identity_server").put("base_url", plan.identityServerUrl());
        }
        if (plan.hasCallService()) {
            root.putArray(DelegationPlan.RTC_FOCI_KEY).addObject().put("type", "livekit")
                    .put("livekit_service_url", plan.callServiceUrl());
        }
        for (Map.Entry<String, String> extra : plan.extraClientKeys().entrySet()) {
            try {
                root.set(extra.getKey(), MAPPER.readTree(extra.getValue()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A validated extra value is not JSON: " + extra.getKey(), e);
            }
        }
        return pretty(root);
    }

    /** {@code contacts} (spec field names) and {@code support_page}, as the spec's v1.10 defines them. */
    public static String supportBody(DelegationPlan plan) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (!plan.supportContacts().isEmpty()) {
            ArrayNode contacts = root.putArray("contacts");
            for (SupportContact contact : plan.supportContacts()) {
                ObjectNode entry = contacts.addObject();
                if (contact.matrixId() != null) {
                    entry.put("matrix_id", contact.matrixId());
                }
                if (contact.emailAddress() != null) {
                    entry.put("email_address", contact.emailAddress());
                }
                entry.put("role", contact.role());
            }
        }
        if (plan.supportPage() != null) {
            root.put("support_page", plan.supportPage());
        }
        return pretty(root);
    }

    private static String pretty(ObjectNode root) {
        try {
            return PRETTY.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    @Override
    public List<GeneratedFile> generate(GenerationContext context) {
        List<GeneratedFile> files = new ArrayList<>();
        for (WellKnownDocument document : context.documents()) {
            String how = context.text("purpose.wellKnown.by." + context.plan().webServer().name().toLowerCase(
                    Locale.ROOT));
            files.add(new GeneratedFile(document.relativePath(),
                    context.text("purpose.wellKnown." + document.name(), context.siteHost()) + " " + how,
                    document.body()));
        }
        return files;
    }
}
