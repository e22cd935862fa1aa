package org.openair.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openair.NotFoundException;
import org.openair.engine.RuleFile;
import org.openair.engine.RuleService;
import org.openair.engine.RuleSet;
import org.openair.engine.RuleSetStore;
import org.openair.security.Roles;

/** The rule set: its files and rules, its load history, reloads, and any file as it was. */
@Path("/ui/rules")
@ConsolePage
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class RulePages {
  private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+\"([^\"]*)\"");
  private static final Pattern RULE_ID = Pattern.compile("@id\\(\\s*\"?([^\")]+)\"?\\s*\\)");

  private final Console console;
  private final RuleService rules;
  private final RuleSetStore sets;

  @Inject
  public RulePages(Console console, RuleService rules, RuleSetStore sets) {
    this.console = console;
    this.rules = rules;
    this.sets = sets;
  }

  /** One line of a rule file; {@code anchor} marks the line where a rule with an id starts. */
  public record Line(int number, String text, String anchor) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance rules(
        Me me,
        RuleSet current,
        List<RuleSetStore.LoadRecord> history,
        RuleSetStore.LoadRecord shown);

    static native TemplateInstance set(
        Me me, String id, boolean serving, List<RuleSetStore.FileRef> files);

    static native TemplateInstance file(Me me, String setId, RuleFile file, List<Line> lines);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance rules(@QueryParam("load") String load) {
    List<RuleSetStore.LoadRecord> history = rules.history(50);
    RuleSetStore.LoadRecord shown =
        load == null
            ? null
            : history.stream().filter(h -> h.id().equals(load)).findFirst().orElse(null);
    return Templates.rules(console.me(), rules.current(), history, shown);
  }

  /** Reloads the rules folder; the page then shows the outcome, with the errors of a refusal. */
  @POST
  @Path("/reload")
  @RolesAllowed(Roles.ADMIN)
  public Response reload() {
    rules.reload(console.username());
    String load = rules.history(1).stream().map(RuleSetStore.LoadRecord::id).findFirst().orElse("");
    return Console.seeOther("/ui/rules?load=" + load);
  }

  @GET
  @Path("/sets/{id}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance set(@PathParam("id") String id) {
    List<RuleSetStore.FileRef> files = sets.files(id);
    if (files.isEmpty()) {
      throw new NotFoundException("no rule set " + id);
    }
    return Templates.set(console.me(), id, id.equals(rules.current().id()), files);
  }

  @GET
  @Path("/sets/{id}/files/{name}")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance file(@PathParam("id") String id, @PathParam("name") String name) {
    RuleFile file =
        sets.file(id, name)
            .orElseThrow(() -> new NotFoundException("no file " + name + " in rule set " + id));
    return Templates.file(console.me(), id, file, lines(file.content()));
  }

  /**
   * The file's lines, with an anchor {@code rule-<id>} on the first line of each rule that has an
   * {@code @id}, so a finding can link straight to its rule.
   */
  static List<Line> lines(String content) {
    String[] raw = content.split("\r?\n", -1);
    String[] anchors = new String[raw.length];
    int start = -1;
    for (int i = 0; i < raw.length; i++) {
      if (RULE_START.matcher(raw[i]).find()) {
        start = i;
      }
      Matcher id = RULE_ID.matcher(raw[i]);
      if (start >= 0 && id.find() && anchors[start] == null) {
        anchors[start] = "rule-" + id.group(1).strip();
      }
      if (raw[i].strip().equals("end")) {
        start = -1;
      }
    }
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      out.add(new Line(i + 1, raw[i], anchors[i]));
    }
    return out;
  }
}
