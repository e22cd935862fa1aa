package org.openair.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openair.domain.Content;
import org.openair.domain.CuePattern;
import org.openair.intake.MessageParser;

/**
 * What each content cue costs: parses every file of a folder, keeps the part of each body the cues
 * read (the first 16,000 characters, as {@code Message} does), lower-cases it once, and prints the
 * time each cue takes over all of them, single-threaded, after warm-up rounds. Run from the
 * packaged build (see the README's backtest section for the command).
 */
public final class CueBench {
  private static final int CUE_REACH = 16_000;
  private static final int ROUNDS = 5;

  private CueBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
      System.err.println("usage: CueBench FOLDER-OF-EML-FILES");
      System.exit(2);
    }
    List<String> bodies = bodies(Path.of(args[0]));
    long chars = bodies.stream().mapToLong(String::length).sum();
    System.out.printf("%d bodies, %d characters%n", bodies.size(), chars);

    Map<String, Function<CharSequence, String>> cues = new LinkedHashMap<>();
    cues.put("credentials", Content::credentialRequest);
    cues.put("urgency", Content::urgency);
    cues.put("crypto", Content::cryptoLure);
    cues.put("payment", Content::paymentRequest);
    cues.put("gift cards", Content::giftCards);
    cues.put("bec opener", Content::becOpener);
    cues.put("password", Content::passwordGiven);
    cues.put("unsubscribe", Content::unsubscribe);
    cues.put("not spam", Content::notSpamClaim);
    cues.put("money offer", Content::moneyOffer);
    cues.put("bulk claim", Content::bulkClaim);
    cues.put("scam lure", Content::scamLure);
    cues.put("adult/health", Content::adultOrHealthPitch);
    cues.put("advance fee", Content::advanceFee);
    cues.put("sales pitch", Content::salesPitch);
    cues.put("withdrawal", Content::fundsToWithdraw);
    cues.put("government", Content::governmentNotice);
    cues.put("look-alikes", Content::lookAlikeLetters);
    cues.put("hidden chars", Content::hiddenCharacters);
    cues.put("random code", Content::randomCode);
    cues.put("greeting", t -> Content.addressGreeting(t, List.of("someone@example.com")));
    cues.put("windfall", Content::windfall);
    cues.put("money proposal", Content::moneyProposal);
    cues.put("extortion", Content::extortion);
    cues.put("access for sale", Content::accessForSale);
    cues.put("stock tout", Content::stockTout);
    cues.put("lead form", Content::leadForm);
    cues.put("home income", Content::homeIncome);
    cues.put("bulk mail sale", Content::bulkMailSale);

    long[] lowering = new long[1];
    Map<String, Long> nanos = new LinkedHashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      boolean counted = round == ROUNDS - 1;
      long t0 = System.nanoTime();
      List<CuePattern.Text> texts = new ArrayList<>(bodies.size());
      for (String b : bodies) {
        texts.add(CuePattern.Text.of(b));
      }
      if (counted) {
        lowering[0] = System.nanoTime() - t0;
      }
      for (Map.Entry<String, Function<CharSequence, String>> cue : cues.entrySet()) {
        long start = System.nanoTime();
        for (CuePattern.Text t : texts) {
          cue.getValue().apply(t);
        }
        if (counted) {
          nanos.put(cue.getKey(), System.nanoTime() - start);
        }
      }
    }
    long total = lowering[0];
    System.out.printf("%-14s %8.1f ms%n", "lower-casing", lowering[0] / 1e6);
    for (Map.Entry<String, Long> e : nanos.entrySet()) {
      System.out.printf("%-14s %8.1f ms%n", e.getKey(), e.getValue() / 1e6);
      total += e.getValue();
    }
    System.out.printf(
        "%-14s %8.1f ms (%.0f microseconds a message)%n",
        "all", total / 1e6, total / 1e3 / Math.max(1, bodies.size()));
  }

  private static List<String> bodies(Path folder) throws IOException {
    List<String> bodies = new ArrayList<>();
    MessageParser parser = new MessageParser();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String body = parser.parse("bench", Files.readAllBytes(f), null).message().getBodyText();
        bodies.add(body.length() > CUE_REACH ? body.substring(0, CUE_REACH) : body);
      }
    }
    return bodies;
  }
}
