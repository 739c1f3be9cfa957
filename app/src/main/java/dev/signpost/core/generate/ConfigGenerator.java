package dev.signpost.core.generate;

import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.InvalidPlanException;
import dev.signpost.core.plan.PlanValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything a plan needs, as files: the well-known documents, the chosen web server's snippet and complete site
 * (and federation proxy), the homeserver's settings, and SRV zone lines when delegating by SRV.
 *
 * <p>Pure: no I/O, the same plan and options always give the same files. The plan is validated first; a plan
 * with an error produces nothing.
 */
public final class ConfigGenerator {

    private final Locale locale;

    /** A generator whose purpose sentences speak {@code locale}. */
    public ConfigGenerator(Locale locale) {
        this.locale = locale;
    }

    /**
     * Validates {@code plan} and generates its files.
     *
     * @throws InvalidPlanException when the plan has an error; its problems say what to fix
     */
    public List<GeneratedFile> generate(DelegationPlan plan, GenerateOptions options) throws InvalidPlanException {
        DelegationPlan normalized = PlanValidator.normalize(plan, locale);
        GenerationContext context = new GenerationContext(normalized, options, locale);
        List<GeneratedFile> files = new ArrayList<>(new WellKnownGenerator().generate(context));
        webServerGenerator(normalized).ifPresent(g -> files.addAll(g.generate(context)));
        files.addAll(homeserverGenerator(normalized).generate(context));
        files.addAll(new SrvRecordGenerator().generate(context));
        return List.copyOf(files);
    }

    /** {@link #generate(DelegationPlan, GenerateOptions)} with the production default options. */
    public List<GeneratedFile> generate(DelegationPlan plan) throws InvalidPlanException {
        return generate(plan, GenerateOptions.defaults());
    }

    /**
     * The path, among the generated files, of the snippet an existing site of {@code kind} takes in (empty for
     * static hosting and a homeserver that serves the files itself).
     */
    public static Optional<String> snippetPath(dev.signpost.core.plan.WebServerKind kind) {
        return switch (kind) {
            case NGINX -> Optional.of(NginxGenerator.SNIPPET);
            case APACHE -> Optional.of(ApacheGenerator.SNIPPET);
            case CADDY -> Optional.of(CaddyGenerator.SNIPPET);
            case HAPROXY -> Optional.of(HaproxyGenerator.SNIPPET);
            case STATIC, HOMESERVER -> Optional.empty();
        };
    }

    /**
     * Where the call and sign-in routes go: the generated drop-in that carries them ({@code path}, among the
     * generated files) and the host whose site takes it in (the client base URL's).
     */
    public record RoutesDropIn(String path, String clientHost) {
    }

    /**
     * The drop-in that carries the call and sign-in routes into the site clients reach, when {@code plan} needs
     * them (a call service or a sign-in service, with Signpost's reverse proxy): the routes snippet, or the
     * federation drop-in when that already goes into the same site block. Empty for plans without them, for an
     * invalid plan, and for web servers without such a drop-in (HAProxy's routes need a backend section too).
     */
    public static Optional<RoutesDropIn> routesDropIn(DelegationPlan plan, GenerateOptions options, Locale locale) {
        if (!GenerationContext.routesWanted(plan)) {
            return Optional.empty();
        }
        GenerationContext context;
        try {
            context = new GenerationContext(PlanValidator.normalize(plan, locale), options, locale);
        } catch (InvalidPlanException e) {
            return Optional.empty();
        }
        boolean merged = !context.routesSnippet();
        Optional<String> path = switch (plan.webServer()) {
            case NGINX -> Optional.of(merged ? NginxGenerator.FEDERATION : NginxGenerator.ROUTES);
            case APACHE -> Optional.of(merged ? ApacheGenerator.FEDERATION : ApacheGenerator.ROUTES);
            case CADDY -> Optional.of(merged ? CaddyGenerator.FEDERATION : CaddyGenerator.ROUTES);
            case HAPROXY, STATIC, HOMESERVER -> Optional.empty();
        };
        return path.map(p -> new RoutesDropIn(p, context.clientHost()));
    }

    private static java.util.Optional<FileGenerator> webServerGenerator(DelegationPlan plan) {
        return switch (plan.webServer()) {
            case NGINX -> Optional.of(new NginxGenerator());
            case CADDY -> Optional.of(new CaddyGenerator());
            case APACHE -> Optional.of(new ApacheGenerator());
            case HAPROXY -> Optional.of(new HaproxyGenerator());
            case STATIC -> Optional.of(new StaticSiteGenerator());
            case HOMESERVER -> Optional.empty();
        };
    }

    private static FileGenerator homeserverGenerator(DelegationPlan plan) {
        return switch (plan.homeserver()) {
            case SYNAPSE -> new SynapseGenerator();
            case DENDRITE -> new DendriteGenerator();
            case CONDUIT -> new ConduitGenerator();
        };
    }
}
