package org.openair.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.RestForm;
import org.openair.BadRequestException;
import org.openair.NotFoundException;
import org.openair.action.ActionConflictException;
import org.openair.action.AutomationPolicy;
import org.openair.action.AutomationSettings;
import org.openair.audit.AuditLog;
import org.openair.config.OpenAirConfig;
import org.openair.domain.ActionType;
import org.openair.domain.AlertType;
import org.openair.security.Roles;
import org.openair.security.UserStore;

/**
 * Settings for admins: the automation levels (changed here through the same audited service as
 * {@code PUT /api/v1/settings/automation}), the organisation's settings (read from configuration),
 * users and their API tokens.
 */
@Path("/ui/settings")
@ConsolePage
@RolesAllowed(Roles.ADMIN)
public class SettingsPages {
  private final Console console;
  private final OpenAirConfig config;
  private final UserStore users;
  private final AuditLog audit;
  private final AutomationSettings automation;

  @Inject
  public SettingsPages(
      Console console,
      OpenAirConfig config,
      UserStore users,
      AuditLog audit,
      AutomationSettings automation) {
    this.console = console;
    this.config = config;
    this.users = users;
    this.audit = audit;
    this.automation = automation;
  }

  /**
   * One level of the automation form: an action type or a playbook, its level ({@code manual},
   * {@code automatic}, or empty when the policy does not name it) and what holds it back anyway.
   */
  public record Level(String key, String level, String note) {}

  /** The automation policy as the form shows it. */
  public record Automation(
      boolean allManual,
      int maxClusterSize,
      boolean identityActionsAutomatic,
      List<Level> actionTypes,
      List<Level> playbooks) {}

  /** One organisation setting: its configuration key, what it is for, and its value. */
  public record Setting(String key, String meaning, String value) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance settings(
        Me me,
        List<Setting> organisation,
        List<Setting> service,
        List<UserStore.User> users,
        List<UserStore.TokenInfo> tokens,
        List<String> roles,
        Automation automation,
        String created,
        boolean automationSaved);

    static native TemplateInstance token(Me me, UserStore.IssuedToken token);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance settings(
      @QueryParam("created") String created, @QueryParam("automation") String saved) {
    OpenAirConfig.Organisation o = config.organisation();
    List<Setting> organisation =
        List.of(
            new Setting(
                "openair.organisation.accepted-domains",
                "The organisation's own mail domains",
                join(o.acceptedDomains().orElse(Set.of()))),
            new Setting(
                "openair.organisation.vips",
                "People whose names impersonators borrow",
                join(o.vips().orElse(Set.of()))),
            new Setting(
                "openair.organisation.trusted-senders",
                "Senders never acted against destructively",
                join(o.trustedSenders().orElse(Set.of()))),
            new Setting(
                "openair.organisation.simulation-senders",
                "Phishing-simulation senders",
                join(o.simulationSenders().orElse(Set.of()))));
    List<Setting> service =
        List.of(
            new Setting("openair.rules-dir", "Folder of the playbooks", config.rulesDir()),
            new Setting(
                "openair.rules.poll-interval",
                "How often the rules folder is checked",
                config.rules().pollInterval().toString()),
            new Setting(
                "openair.investigation.workers",
                "Threads taking investigations from the queue",
                Integer.toString(config.investigation().workers())),
            new Setting(
                "openair.investigation.max-lookup-rounds",
                "Lookup rounds answered per investigation",
                Integer.toString(config.investigation().maxLookupRounds())),
            new Setting("openair.database", "Where OpenAIR keeps its data", config.database()));
    return Templates.settings(
        console.me(),
        organisation,
        service,
        users.list(),
        users.tokens(),
        Roles.ALL.stream().sorted().toList(),
        automation(automation.current()),
        created,
        "saved".equals(saved));
  }

  /**
   * Replaces the automation policy with the form's: every action type and playbook, each manual,
   * automatic, or unnamed ({@code type=soft-delete=automatic}, {@code type=hard-delete=}).
   * Investigations that start afterwards run under it; the change is audited with before and after.
   */
  @POST
  @Path("/automation")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response replaceAutomation(
      @RestForm String allManual,
      @RestForm String maxClusterSize,
      @RestForm String identityActionsAutomatic,
      @RestForm("type") List<String> types,
      @RestForm("playbook") List<String> playbooks) {
    int max;
    try {
      max = Integer.parseInt(maxClusterSize == null ? "" : maxClusterSize.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "maxClusterSize", "the largest cluster run automatically must be a whole number");
    }
    AutomationPolicy policy =
        new AutomationPolicy(
            checked(allManual),
            max,
            checked(identityActionsAutomatic),
            levels("type", types),
            levels("playbook", playbooks));
    automation.replace(policy, console.username());
    return Console.seeOther("/ui/settings?automation=saved#automation-h");
  }

  private Automation automation(AutomationPolicy policy) {
    Set<String> fourEyes = config.actions().fourEyesTypes();
    List<Level> types = new ArrayList<>();
    for (ActionType t : ActionType.values()) {
      String note = null;
      if (fourEyes.contains(t.code())) {
        note = "needs two approvers, so it always waits";
      } else if (AutomationPolicy.IDENTITY.contains(t)) {
        note = "identity action: automatic only with identity actions allowed";
      }
      types.add(new Level(t.code(), policy.actionTypes().getOrDefault(t.code(), ""), note));
    }
    List<Level> books =
        Arrays.stream(AlertType.values())
            .map(AlertType::playbook)
            .distinct()
            .map(b -> new Level(b, policy.playbooks().getOrDefault(b, ""), null))
            .toList();
    return new Automation(
        policy.allManual(),
        policy.maxClusterSize(),
        policy.identityActionsAutomatic(),
        types,
        books);
  }

  private static boolean checked(String box) {
    return box != null && !box.isBlank();
  }

  /** "key=level" pairs from the form; an empty level leaves the key out of the policy. */
  private static Map<String, String> levels(String field, List<String> pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : pairs == null ? List.<String>of() : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new BadRequestException(field, "'" + pair + "' is not of the form name=level");
      }
      String level = pair.substring(eq + 1).strip();
      if (!level.isEmpty()) {
        out.put(pair.substring(0, eq).strip(), level);
      }
    }
    return out;
  }

  @POST
  @Path("/users")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createUser(
      @RestForm String username, @RestForm String password, @RestForm("role") List<String> roles) {
    Set<String> checked = UserStore.checkNewUser(username, password, roles);
    if (users.exists(username)) {
      throw new ActionConflictException("user " + username + " exists already");
    }
    users.create(username, password, checked);
    audit.record(
        console.username(), "user.created", "user", username, null, Map.of("roles", checked));
    return Console.seeOther(
        "/ui/settings?created=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
  }

  /** Issues a token and shows it once; the page is not cached. */
  @POST
  @Path("/users/{username}/tokens")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response issueToken(@PathParam("username") String username, @RestForm String name) {
    if (!users.exists(username)) {
      throw new NotFoundException("no user " + username);
    }
    String label = name == null || name.isBlank() ? "token" : name.strip();
    if (label.length() > 200) {
      throw new BadRequestException("name", "the token's name must be at most 200 characters");
    }
    UserStore.IssuedToken token = users.issueToken(username, label);
    audit.record(
        console.username(),
        "token.issued",
        "user",
        username,
        null,
        Map.of("tokenId", token.id(), "name", label));
    return Response.ok(Templates.token(console.me(), token))
        .header("Cache-Control", "no-store")
        .build();
  }

  private static String join(Set<String> values) {
    return values.isEmpty() ? "" : String.join(", ", new TreeSet<>(values));
  }
}
