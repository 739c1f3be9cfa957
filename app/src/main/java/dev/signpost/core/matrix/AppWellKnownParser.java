package dev.signpost.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signpost.core.text.Texts;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the call service ({@code org.matrix.msc4143.rtc_foci}: a list of {@code {"type": "livekit",
 * "livekit_service_url": "https://…"}}), the legacy sign-in issuer and the retired sliding-sync proxy key from the
 * client well-known. A body that is not a JSON object yields {@link AppWellKnown#none()}: the client well-known check
 * already explains that. Pure: no I/O, and no exception escapes for any input.
 */
public final class AppWellKnownParser {

    /** More foci than any deployment has; bounds the work hostile input can cause. */
    static final int MAX_FOCI = 16;

    private AppWellKnownParser() {
    }

    public static AppWellKnown parse(byte[] body, Locale locale) {
        Texts texts = MatrixTexts.of(locale);
        try {
            JsonBody.Parsed parsed = JsonBody.readObject(body, ClientWellKnownParser.DOCUMENT, locale);
            if (!parsed.ok()) {
                return AppWellKnown.none();
            }
            return read(parsed.object(), texts);
        } catch (RuntimeException e) {
            return new AppWellKnown(false, List.of(), List.of(texts.get("json.unexpected",
                    ClientWellKnownParser.DOCUMENT)), null, null);
        }
    }

    private static AppWellKnown read(ObjectNode root, Texts texts) {
        JsonNode foci = root.get(AppWellKnown.RTC_FOCI);
        List<URI> services = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (foci != null) {
            if (!foci.isArray()) {
                problems.add(texts.get("foci.notArray", JsonBody.kindOf(foci, texts)));
            } else if (foci.isEmpty()) {
                problems.add(texts.get("foci.empty"));
            } else {
                int index = 0;
                for (JsonNode focus : foci) {
                    if (index++ >= MAX_FOCI) {
                        problems.add(texts.get("foci.tooMany", MAX_FOCI));
                        break;
                    }
                    focus(focus, index, services, problems, texts);
                }
            }
        }
        String issuer = null;
        JsonNode authentication = root.get(AppWellKnown.AUTHENTICATION);
        if (authentication != null && authentication.isObject() && authentication.get("issuer") != null
                && authentication.get("issuer").isTextual()) {
            issuer = authentication.get("issuer").textValue();
        }
        String proxy = null;
        JsonNode proxyNode = root.get(AppWellKnown.SLIDING_SYNC_PROXY);
        if (proxyNode != null) {
            JsonNode url = proxyNode.isObject() ? proxyNode.get("url") : null;
            proxy = url != null && url.isTextual() ? JsonBody.truncate(url.textValue()) : JsonBody.truncate(
                    proxyNode.toString());
        }
        return new AppWellKnown(foci != null, services, problems, issuer, proxy);
    }

    private static void focus(JsonNode focus, int index, List<URI> services, List<String> problems, Texts texts) {
        if (!focus.isObject()) {
            problems.add(texts.get("foci.entryNotObject", index, JsonBody.kindOf(focus, texts)));
            return;
        }
        JsonNode type = focus.get("type");
        if (type == null || !type.isTextual()) {
            problems.add(texts.get("foci.noType", index));
            return;
        }
        if (!"livekit".equals(type.textValue())) {
            // Other focus types exist in MSC4143; clients skip the ones they do not know, which is not an error.
            return;
        }
        JsonNode url = focus.get("livekit_service_url");
        if (url == null || !url.isTextual()) {
            problems.add(texts.get("foci.noUrl", index, JsonBody.kindOf(url, texts)));
            return;
        }
        String text = url.textValue().strip();
        URI uri = AuthMetadataParser.url(text);
        if (uri == null) {
            problems.add(texts.get("foci.badUrl", index, JsonBody.truncate(text)));
        } else if (!"https".equalsIgnoreCase(uri.getScheme())) {
            problems.add(texts.get("foci.notHttps", index, JsonBody.truncate(text)));
        } else {
            String clean = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            services.add(URI.create(clean));
        }
    }
}
