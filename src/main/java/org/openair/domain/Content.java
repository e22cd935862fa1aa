package org.openair.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Light cues in a message's words, for content rules. Each method returns the phrase that matched,
 * so that a finding can quote it, or null. Deliberately few: content cues add a little weight to
 * other evidence and never decide alone. Credential requests and pressure are also recognised in
 * German, Dutch, French, Spanish, Portuguese and Italian, the languages phishing against European
 * and Latin American organisations is written in; the bulk-mail lures (prizes, gambling, adult and
 * miracle-health pitches) cover German, Dutch, French, Spanish and Portuguese, because the same
 * campaigns run in all of them; the other cues are English only.
 */
public final class Content {
  private static final CuePattern CREDENTIALS =
      CuePattern.compile(
          "\\b(?:(?:verify|confirm|update|validate|unlock|restore|reactivate|re-?validate)"
              + " (?:your |the )?(?:e-?mail |mailbox |microsoft |office ?365 |outlook |apple"
              + " |bank )?(?:account|password|identity|mailbox|credentials|login|log-in"
              + "|sign-in|billing (?:details|information)|payment (?:details|information))"
              + "|password (?:will |is about to |has )?expire[sd]?"
              + "|(?:mailbox|e-?mail) (?:storage |quota )?(?:is )?(?:full|almost full"
              + "|over ?quota|exceeded)"
              + "|(?:cloud|icloud|drive|photo|account|your) storage (?:space )?(?:is )?(?:almost )?full"
              + "|storage (?:limit|quota) (?:has been |was )?(?:reached|exceeded)"
              + "|(?:reached|exceeded) (?:your |the )?storage (?:limit|quota)"
              + "|your (?:photos?|pictures|videos|files|data|documents)(?: (?:and|&) (?:photos"
              + "|videos|files|documents))? (?:will|are about to|are going to) be (?:permanently )?"
              + "(?:deleted|removed|erased|lost)"
              + "|prevent (?:your )?(?:photos?|pictures|videos|files|data)(?: (?:and|&) (?:photos"
              + "|videos|files))? (?:deletion|removal|loss)"
              + "|unusual (?:sign-?in|login|log-?in) activity"
              + "|(?:sign-?in|login|log-?in) (?:attempt )?from (?:an? )?(?:unfamiliar|unknown|unrecognized"
              + "|new) (?:device|location)"
              + "|your (?:\\w+ )?(?:account|wallet|mailbox|card) (?:has been|was|is|will be) (?:temporarily )?"
              + "(?:suspended|locked|blocked|restricted|disabled|deactivated|frozen|on hold)"
              + "|(?:sign|log) ?in to (?:view|access|read|download|open|review|restore|avoid|keep)"
              + "|enter your (?:password|credentials|login details))\\b");

  /**
   * The same requests in other languages: "confirm / verify / update your account, data, identity
   * or password", "your account has been blocked / suspended", and the cloud-storage scare "your
   * storage is full" or "your photos and videos will be deleted".
   */
  private static final CuePattern CREDENTIALS_OTHER_LANGUAGES =
      CuePattern.compile(
          "\\b(?:(?:bestätigen|verifizieren|aktualisieren|überprüfen|entsperren)\\s+sie\\s+"
              + "(?:jetzt\\s+)?(?:ihr(?:e|en)?\\s+)?(?:konto|kundenkonto|daten|kundendaten"
              + "|identität|zugangsdaten|passwort|kontodaten)"
              + "|ihr(?:e)?\\s+(?:konto|kundenkonto|karte|zugang)\\s+(?:wurde|wird|ist)\\s+"
              + "(?:vorübergehend\\s+)?(?:gesperrt|eingeschränkt|deaktiviert|blockiert)"
              + "|(?:bevestig|verifieer|controleer|update|herstel)\\s+(?:uw|je)\\s+"
              + "(?:account|gegevens|identiteit|wachtwoord|rekening)"
              + "|(?:uw|je)\\s+(?:account|rekening|pas)\\s+(?:is|wordt)\\s+"
              + "(?:tijdelijk\\s+)?(?:geblokkeerd|opgeschort|beperkt|gedeactiveerd)"
              + "|(?:confirmez|vérifiez|mettez\\s+à\\s+jour|validez)\\s+(?:votre|vos)\\s+"
              + "(?:compte|identité|informations|mot\\s+de\\s+passe|coordonnées|données)"
              + "|votre\\s+compte\\s+(?:a\\s+été|sera|est)\\s+"
              + "(?:temporairement\\s+)?(?:suspendu|bloqué|désactivé|restreint)"
              + "|(?:confirme|verifique|actualice|confirma|verifica|actualiza|atualize"
              + "|regularize|valide|aggiorna|conferma)\\s+(?:su|sus|tu|tus|seu|sua|seus|suas"
              + "|os\\s+seus|il\\s+tuo|la\\s+tua|i\\s+tuoi)\\s+(?:cuenta|identidad|datos"
              + "|contraseña|conta|cadastro|identidade|dados|senha|account|dati|identità"
              + "|password)"
              + "|(?:su|tu|sua|seu|il\\s+tuo|la\\s+tua)\\s+(?:cuenta|conta|cartão|tarjeta"
              + "|account|carta)\\s+(?:ha\\s+sido|será|foi|será|está|è\\s+stat[oa])\\s+"
              + "(?:temporariamente\\s+|temporalmente\\s+|temporaneamente\\s+)?"
              + "(?:suspendid[oa]|bloquead[oa]|suspens[oa]|bloccat[oa]|sospes[oa]"
              + "|desactivad[oa]|desativad[oa])"
              + "|(?:ihre|deine)\\s+(?:fotos|bilder|videos|dateien|daten)(?:\\s+und\\s+(?:fotos"
              + "|videos|dateien))?\\s+(?:werden|wird)\\s+(?:\\p{L}+\\s+)?(?:gelöscht|entfernt)"
              + "|speicher(?:platz)?\\s+(?:ist\\s+)?(?:fast\\s+)?(?:voll|belegt)"
              + "|(?:je|uw)\\s+(?:foto['’]?s|video['’]?s|bestanden|gegevens)(?:\\s+en\\s+"
              + "(?:foto['’]?s|video['’]?s|bestanden))?\\s+(?:worden|zullen)\\s+(?:\\p{L}+\\s+)?"
              + "(?:verwijderd|gewist)"
              + "|opslag(?:ruimte)?\\s+(?:is\\s+)?(?:bijna\\s+)?vol"
              + "|(?:vos|toutes\\s+vos)\\s+(?:photos|vidéos|fichiers|données)(?:\\s+et\\s+"
              + "(?:photos|vidéos|fichiers))?\\s+(?:seront|vont\\s+être)\\s+(?:\\p{L}+\\s+)?"
              + "(?:supprimée?s|effacée?s)"
              + "|(?:espace\\s+de\\s+)?stockage\\s+(?:est\\s+)?(?:presque\\s+)?(?:plein|saturé)"
              + "|(?:tus|sus)\\s+(?:fotos|v[ií]deos|archivos|datos)(?:\\s+y\\s+(?:fotos|v[ií]deos"
              + "|archivos))?\\s+(?:serán|van\\s+a\\s+ser)\\s+(?:\\p{L}+\\s+)?"
              + "(?:eliminad[oa]s|borrad[oa]s)"
              + "|almacenamiento\\s+(?:está\\s+)?(?:casi\\s+)?(?:lleno|completo)"
              + "|(?:suas|seus)\\s+(?:fotos|vídeos|arquivos|ficheiros|dados)(?:\\s+e\\s+(?:fotos"
              + "|vídeos|arquivos))?\\s+(?:serão|vão\\s+ser)\\s+(?:\\p{L}+\\s+)?"
              + "(?:excluíd[oa]s|apagad[oa]s|eliminad[oa]s|removid[oa]s)"
              + "|armazenamento\\s+(?:está\\s+)?(?:quase\\s+)?(?:cheio|lotado)"
              + "|(?:limite|límite)\\s+de\\s+(?:almacenamiento|armazenamento|stockage)\\s+"
              + "(?:alcanzado|atingido|atteinte?|excedido|dépassée?)"
              + "|(?:alcanzado|atingiu|atteint)\\s+(?:tu|su|el|o\\s+seu|seu|votre)\\s+l[ií]mite\\s+de\\s+"
              + "(?:almacenamiento|armazenamento|stockage)"
              // "Enter your password", as the English cue has it.
              + "|(?:entre|digite|informe|insira)\\s+(?:com\\s+)?(?:o\\s+)?(?:seu|sua)\\s+"
              + "(?:e-?mail\\s+e\\s+(?:sua\\s+)?)?senha"
              + "|(?:introduzca|ingrese|introduce|ingresa)\\s+(?:su|tu)\\s+"
              + "(?:correo\\s+y\\s+(?:su\\s+|tu\\s+)?)?contraseña"
              + "|(?:saisissez|entrez)\\s+votre\\s+(?:adresse\\s+e-?mail\\s+et\\s+(?:votre\\s+)?)?"
              + "mot\\s+de\\s+passe"
              + "|geben\\s+sie\\s+ihr\\s+(?:passwort|kennwort)\\s+ein|voer\\s+(?:uw|je)\\s+wachtwoord\\s+in"
              // Signing in in order to verify or to avoid a suspension ("log in to review").
              + "|(?:vous\\s+)?connecter\\s+(?:à\\s+votre\\s+(?:espace|compte)(?:\\s+\\p{L}+)?\\s+)?"
              + "pour\\s+(?:vérifier|confirmer|valider|mettre\\s+à\\s+jour|débloquer|réactiver"
              + "|éviter)"
              + "|(?:afin\\s+d['’]|pour\\s+)?éviter\\s+(?:toute|la)\\s+(?:suspension|fermeture"
              + "|clôture|restriction)\\s+de\\s+votre\\s+compte"
              + "|(?:acesse|entre\\s+em)\\s+(?:a\\s+)?(?:sua\\s+conta|seu\\s+cadastro)\\s+(?:\\p{L}+\\s+){0,2}"
              + "para\\s+(?:verificar|confirmar|validar|atualizar|desbloquear|evitar)"
              + "|(?:inicie\\s+sesión|acceda\\s+a\\s+su\\s+cuenta)\\s+(?:\\p{L}+\\s+){0,2}"
              + "para\\s+(?:verificar|confirmar|validar|actualizar|desbloquear|evitar)"
              + "|melden\\s+sie\\s+sich\\s+(?:\\p{L}+\\s+){0,3}an,?\\s+um\\s+(?:\\p{L}+\\s+){0,4}"
              + "(?:zu\\s+)?(?:bestätigen|verifizieren|überprüfen|entsperren|aktualisieren)"
              // A sign-in from a device or place the reader does not know, as the English cue has
              // it.
              + "|(?:acesso|login|entrada)\\s+(?:\\p{L}+\\s+){0,8}(?:dispositivo|aparelho|local)\\s+"
              + "(?:n[ãa]o\\s+reconhecido|desconhecido)"
              + "|(?:acceso|inicio\\s+de\\s+sesi[óo]n)\\s+(?:\\p{L}+\\s+){0,8}(?:dispositivo"
              + "|ubicaci[óo]n)\\s+(?:no\\s+reconocid[oa]|desconocid[oa])"
              + "|connexion\\s+(?:\\p{L}+\\s+){0,8}(?:appareil|emplacement|lieu)\\s+"
              + "(?:non\\s+reconnu|inconnu)"
              // Acting now to keep access to the account or card from being blocked.
              + "|evite\\s+(?:o\\s+|a\\s+)?(?:bloqueio|suspens[ãa]o|cancelamento)\\s+d[oa]\\s+"
              + "(?:\\p{L}+\\s+){0,2}(?:acesso|conta|cart[ãa]o)"
              + "|evite\\s+(?:el\\s+|la\\s+)?(?:bloqueo|suspensi[óo]n|cancelaci[óo]n)\\s+de\\s+"
              + "(?:\\p{L}+\\s+){0,2}(?:acceso|cuenta|tarjeta)"
              // The bank's security token or app to "synchronise" or re-activate, which takes the
              // reader to a page asking for the card, the account and the token's codes.
              + "|(?:sincroniza[çc][ãa]o|sincronizar|sincronize|reativa[çc][ãa]o|reative"
              + "|sincronizaci[óo]n|sincronice|reactive|synchronisation|synchronisez)\\s+"
              + "(?:d[oa]\\s+|de\\s+(?:la\\s+|el\\s+|l['’]|votre\\s+)?|o\\s+|a\\s+|el\\s+|la\\s+|votre\\s+)?"
              + "(?:seu\\s+|sua\\s+|su\\s+|tu\\s+)?(?:i?token|chave\\s+de\\s+seguran[çc]a"
              + "|dispositivo\\s+de\\s+seguran[çc]a|clave\\s+de\\s+seguridad|dispositif\\s+de\\s+s[ée]curit[ée])"
              // The reader asked to carry out the update of their data, not merely told to keep it.
              + "|(?:efetuar|realizar|fazer|conclua|efetue|realize)\\s+a\\s+atualiza[çc][ãa]o\\s+"
              + "(?:cadastral|d[oa]s?\\s+(?:seus\\s+|suas\\s+|seu\\s+|sua\\s+)?(?:dados|cadastro))"
              + "|(?:efectuar|realizar|complete)\\s+la\\s+actualizaci[óo]n\\s+de\\s+(?:sus\\s+|tus\\s+)?datos)"
              + "(?![\\p{L}])");

  private static final CuePattern URGENCY =
      CuePattern.compile(
          "\\b(?:within (?:24|48|72|12|2|1) ?(?:hours|hrs|h)\\b"
              + "|(?:will|would) be (?:permanently )?(?:suspended|closed|deleted|terminated"
              + "|deactivated|disabled|locked|blocked|lost)"
              + "|final (?:notice|warning|reminder)|immediate(?:ly)? action|act now"
              + "|expires? today|urgent(?:ly)? (?:action|attention|response|request)"
              // Rewards said to be about to lapse press the reader to redeem them now.
              + "|(?:points|miles|rewards) (?:will |are about to |are going to )?expire"
              // The scareware renewal: the reader's computer said to stand unprotected.
              + "|your (?:pc|computer|device|devices|system) (?:is|are|may be|will be|could be)"
              + " (?:currently |now |left )?(?:unprotected|vulnerable|at risk|exposed))");

  /** Deadlines and threats in the same languages. */
  private static final CuePattern URGENCY_OTHER_LANGUAGES =
      CuePattern.compile(
          "\\b(?:innerhalb\\s+(?:von\\s+|der\\s+nächsten\\s+)?(?:24|48|72)\\s+stunden"
              + "|letzte\\s+(?:mahnung|warnung|erinnerung)"
              + "|(?:ihre?|deine?)\\s+(?:ger[äa]te?|computer|pc|system)\\s+(?:sind|ist|bleiben|bleibt)\\s+"
              + "(?:\\p{L}+\\s+)?"
              + "(?:ungesch[üu]tzt|gef[äa]hrdet)"
              + "|binnen\\s+(?:24|48|72)\\s+uur|laatste\\s+(?:herinnering|waarschuwing)"
              + "|(?:sous|dans\\s+les)\\s+(?:24|48|72)\\s*h(?:eures)?\\b"
              + "|dernier\\s+(?:avertissement|rappel|avis)"
              + "|(?:en\\s+las\\s+próximas|dentro\\s+de|em\\s+até|nas\\s+próximas"
              + "|entro)\\s+(?:24|48|72)\\s+(?:horas|ore)"
              + "|último\\s+aviso|ultimo\\s+avviso"
              + "|(?:a[çc][ãa]o|aten[çc][ãa]o|acci[óo]n|atenci[óo]n|action|r[ée]ponse)\\s+urgente"
              // "Will be blocked / suspended / cancelled", as the English cue has it.
              + "|(?:ser[áa]|ser[ãa]o|ficar[áa])\\s+(?:\\p{L}+\\s+)?(?:bloquead[oa]s?|suspens[oa]s?"
              + "|encerrad[oa]s?|desativad[oa]s?|suspendid[oa]s?|eliminad[oa]s?)"
              + "|(?:sera|seront)\\s+(?:\\p{L}+\\s+)?(?:bloqu[ée]e?s?|suspendue?s?|supprim[ée]e?s?"
              + "|cl[ôo]tur[ée]e?s?|d[ée]sactiv[ée]e?s?)"
              + "|(?:expira|vence)\\s+(?:hoje|hoy)|expire\\s+aujourd['’]hui"
              + "|(?:pontos|puntos|points|punkte|punten|milhas|millas|droits|crédits)\\s+"
              + "(?:\\p{L}{2,5}\\s+)?(?:vão\\s+|irão\\s+|van\\s+a\\s+"
              + "|vont\\s+|werden\\s+|gaan\\s+)?(?:expiram|expirar|expirando|expiran|vencem|vencer"
              + "|expirent|expirer|verfallen|vervallen|verlopen))(?![\\p{L}])");

  private static final CuePattern GREETING =
      CuePattern.compile(
          "\\b(?:dear|hello|hi|hey|greetings|attention|attn|hallo|liebe[r]?|sehr\\s+geehrte[r]?"
              + "|beste|geachte|bonjour|cher|chère|hola|estimad[oa]|olá|ola|prezad[oa]|caro|cara"
              + "|gentile|ciao|congratulations|congrats|gefeliciteerd|glückwunsch|félicitations"
              + "|felicidades|parabéns)\\b[\\s,:!]*");

  private static final CuePattern PAYMENT =
      CuePattern.compile(
          "\\b(?:(?:wire|bank|swift|ach) transfer"
              + "|(?:change|update)[ds]? (?:of |to |in )?(?:our |the )?(?:bank(?:ing)?|payment"
              + "|remittance) (?:details|information|account)"
              + "|new (?:bank|banking) (?:details|account)"
              + "|(?:overdue|outstanding|unpaid) (?:invoice|payment|balance))\\b");

  /**
   * A subject announcing that something is wrong with the reader's account, security, subscription
   * or delivery: the headline of a credential or payment lure. Legitimate services write such
   * subjects too, so the cue only counts beside an impersonation finding (OA-CNT-013).
   */
  private static final CuePattern ACCOUNT_NOTICE =
      CuePattern.compile(
          "\\b(?:action (?:(?:is |may be )?required|needed|recommended)|required action"
              + "|security (?:alert|update|notice|notification|warning|check|scan|incident|patch"
              + "|breach)"
              + "|data breach|two-factor|2fa|unusual (?:activity|sign-?in|login)"
              + "|(?:new|recent|unusual|suspicious|failed) (?:log-?in|sign-?in)(?: attempt)?"
              + "|(?:log-?in|sign-?in) attempt"
              + "|(?:account|wallet|card|subscription|membership) (?:\\w+ )?"
              + "(?:has |is |may |will )?(?:be |been )?(?:on )?"
              + "(?:suspended|locked|limited|restricted|disabled|expired|hold|not renewed)"
              + "|(?:has|have) expired|(?:is|are) (?:temporarily )?suspended"
              + "|(?:verify|confirm) (?:your|the) (?:\\w+ )?(?:account|identity|information|details"
              + "|wallet|transaction|payment)"
              + "|delivery (?:update|failed|attempt|notice|notification|problem)"
              + "|(?:package|parcel|shipment) (?:is )?(?:held|waiting|pending|on hold)"
              + "|payment (?:failed|declined|details required)"
              + "|handlung erforderlich|sicherheits(?:warnung|hinweis|meldung)|konto gesperrt"
              + "|actie vereist|beveiligingsmelding|action requise|alerte de s[e\u00e9]curit[e\u00e9]"
              + "|acci[o\u00f3]n requerida|alerta de seguran[c\u00e7]a|alerta de seguridad"
              + "|a[c\u00e7][a\u00e3]o necess[a\u00e1]ria)\\b");

  private static final CuePattern GIFT_CARDS =
      CuePattern.compile(
          "\\b(?:gift ?cards?|itunes cards?|google play cards?|steam (?:wallet )?cards?"
              + "|scratch (?:off )?the (?:back|card))\\b");

  private static final CuePattern BEC_OPENER =
      CuePattern.compile(
          "\\b(?:are you (?:available|at your desk|in the office|around)"
              + "|i need (?:you to|a favou?r)|(?:quick|urgent) (?:favou?r|task|request)"
              + "|(?:keep|treat) (?:this|it) (?:confidential|between us)"
              + "|send me your (?:cell|mobile|whatsapp|phone) (?:number|no))\\b");

  private static final CuePattern PASSWORD_GIVEN =
      CuePattern.compile(
          "\\b(?:password|passcode|pass ?word|pwd|archive code|zip code is|senha(?: de acesso)?"
              + "|passwort|kennwort|wachtwoord|mot de passe|contraseña|clave)"
              // The file the password opens may be named between the word and the password
              // ("Senha de acesso ao PDF: 123", "password for the attachment: 4711").
              + "(?: (?:(?:to|for) (?:open(?:ing)? )?(?:the |this |your )?"
              + "|(?:a|d|para (?:abrir )?)o |(?:del|para (?:abrir )?el) |(?:du|pour (?:ouvrir )?le) "
              + "|(?:f(?:ü|ue)r )?(?:die|das|den) |voor (?:het |de )?)"
              + "(?:pdf|file|document|attachment|archive|zip|arquivo|documento|anexo|archivo"
              + "|adjunto|fichier|pi[eè]ce jointe|datei|dokument|anhang|bestand|bijlage))?"
              + "\\s*(?:is)?\\s*[:=-]?"
              + "\\s*[\"']?[a-z0-9@#$%^&*!._-]{3,20}\\b");

  /**
   * The moves of cryptocurrency theft: claiming or redeeming an airdrop or tokens, connecting,
   * verifying or restoring a wallet, typing a recovery phrase, withdrawing coins that were never
   * deposited, and the windfalls that bring the reader to such a page: a token allocation or
   * dividends being released, a staking feature switched on, fees refunded as coins, a collapsed
   * platform's withdrawals or bankruptcy distribution said to be ready, wallet software to update
   * or install from a link, coins said to be credited or mined already.
   */
  private static final CuePattern CRYPTO_LURE =
      CuePattern.compile(
          "\\b(?:claim (?:your |the )?(?:free )?(?:airdrop|tokens?|\\$?[a-z]{2,6} tokens|rewards?"
              + " in (?:btc|eth|usdt))|airdrop (?:is (?:now )?live|rewards?|claim|distribution|now)"
              // A coin's ticker before the airdrop ("claim your $orb airdrop"), a claim made in the
              // subject after a colon ("arbitrum airdrop : claim your share"), tokens to redeem and
              // airdrops said to be left unclaimed in the reader's wallet.
              + "|claim (?:your |the )?(?:free )?\\$?[a-z0-9]{2,8} airdrop|airdrop ?[:!-] ?claim"
              + "|redeem (?:your |the )?(?:free )?(?:tokens|airdrop|nft)"
              + "|(?:unclaimed|forgotten) (?:tokens|airdrops)"
              + "|(?:connect|verify|validate|restore|synchroni[sz]e|re-?activate|unlock)"
              + " (?:your |the )?(?:crypto |web3 |ledger |trust |metamask |phantom )?wallet"
              + "|wallet (?:verification|validation|restoration|synchroni[sz]ation)"
              + "|(?:seed|recovery|secret|mnemonic) phrase"
              + "|withdraw (?:your )?(?:[\\d.,]+ )?(?:btc|bitcoins?|eth|usdt|crypto)"
              + "|your (?:btc|bitcoin|crypto) (?:balance|account|portfolio) (?:has been|is)"
              + " (?:credited|funded|ready)"
              + "|token allocation (?:program(?:me)?|tool|open|is (?:now )?(?:open|live))"
              + "|dividends? (?:are |is )?(?:being |now )?released"
              + "|activate (?:the |your )?(?:[a-z]{2,6} )?staking"
              + "|staking (?:feature|rewards?|mechanism|program(?:me)?) (?:is |has been |was )?(?:now )?"
              + "(?:activated|enabled|live)"
              + "|claim (?:now )?(?:your|their) (?:[a-z0-9]{2,8} )?(?:gas |chain |network |transaction )?"
              + "fees (?:as|in) [a-z0-9]{2,8}"
              // Coins said to be released from a collapsed platform or its bankruptcy, to be
              // withdrawn through the message's "withdraw" or "distribution portal" button.
              + "|withdrawals? (?:are |is )?now (?:available|open|enabled|authori[sz]ed|ready)"
              + "|(?:request for |your )withdrawal is (?:now )?ready"
              + "|withdraw(?:ing)? (?:your )?digital assets"
              + "|distribution wallet|claim distribution|to your designated (?:[a-z0-9-]+ )?wallet"
              + "|(?:token|reserve|coin) redistribution"
              + "|cashback (?:in |of )?(?:usdt|btc|bitcoin|eth|crypto)"
              + "|(?:official|exclusive) (?:\\$?[a-z0-9]+ )?airdrop"
              // Tokens to claim or mint: a coin named by its ticker, tokens earned or allocated,
              // free mints, tokens said to hide in the reader's wallet until it is scanned.
              + "|claim \\$[a-z][a-z0-9]{1,7}\\b"
              + "|claim (?:your |their )?(?:earned |eligible |allocated )tokens"
              + "|eligible for (?:the )?\\$?[a-z0-9]{2,8} (?:tokens|airdrop)"
              + "|mint your \\w+(?: \\w+)? (?:for free|now)|claim (?:your |a )?free mint"
              + "|(?:hidden|overlooked) (?:web3 |crypto )?(?:tokens|airdrops|web3 assets)"
              + "|scan (?:my|your) wallet"
              + "|(?:connect|link) (?:your?|the) (?:main|primary) wallet"
              // Wallet software to update or install from the message's link: the download is the
              // drainer or asks for the recovery phrase.
              + "|(?:update|upgrade) (?:your |the )?(?:ledger|trezor|hardware wallet|crypto wallet"
              + "|desktop wallet)"
              + "|update to the (?:[a-z0-9]+ )?desktop wallet"
              + "|(?:ledger live|wallet) (?:application |app )?is outdated"
              + "|(?:official |install (?:the )?)(?:[a-z0-9]+ )?(?:wallet extension|extension wallet)"
              // Coins said to be credited or mined for the reader already.
              + "|transfer of (?:crypto|bitcoin|btc|usdt|eth) to your (?:account|wallet)"
              + "|(?:bitcoin|btc|crypto|usdt) transfer (?:\\w+ )?credited"
              + "|(?:accumulated|mined) (?:free )?(?:[\\d.,]+ )?(?:btc|bitcoins?|eth|ethereum|usdt)\\b"
              + "|cloud (?:bitcoin |crypto )?mining)\\b");

  /**
   * Money said to be waiting in an account the reader never opened, to be withdrawn before a
   * deadline: the fake trading or mining platform collects a "fee" or the login it asks for.
   */
  private static final CuePattern FUNDS_TO_WITHDRAW =
      CuePattern.compile(
          "\\b(?:withdraw (?:your |the |any |all )?(?:remaining |available |accumulated )?"
              + "(?:funds|balance|money|earnings|profits?)"
              + "|withdrawal (?:note|request is (?:now )?ready)|order the withdrawal"
              + "|unclaimed (?:balance|funds)|you are now rich"
              + "|(?:withdraw (?:your )?|(?:balance|account) (?:already )?has )\\+?(?:\\$ ?\\d[\\d.,]*\\d"
              + "|\\d[\\d.,]*\\d(?= ?(?:\\$|usd|usdt|btc|eur|€)))"
              + "|(?:funds|balance|money) (?:is |are )?(?:waiting|ready) for (?:you|withdrawal)"
              // A balance on an account the reader never opened, to be wiped unless they log in.
              + "|(?:your|the) balance will be (?:zeroed|reset to zero|forfeited|burn(?:ed|t)))\\b");

  /**
   * A charge the reader is told was or will be taken (a renewal, a payment, an amount billed), for
   * {@link #callbackLure}.
   */
  private static final CuePattern CHARGE_MADE =
      CuePattern.compile(
          "(?s)\\b(?:renew(?:ed|al)|charged?|billed|debited|payment of"
              + "|(?:total|amount)(?: paid| due| charged)?)\\b.{0,300}?"
              + "(?:(?:\\$|usd|us\\$|€|£|eur)\\s?\\d[\\d,]*(?:\\.\\d\\d)?)");

  /**
   * A way to cancel, refund or dispute that leads to a telephone number (North American numbering,
   * where this fraud calls from): "if this charge was unexpected, call our billing line at +1 (828)
   * 280 7472".
   */
  private static final CuePattern DISPUTE_BY_PHONE =
      CuePattern.compile(
          "(?s)\\b(?:refund|cancel\\w*|unauthori[sz]ed|did(?:n't| not) (?:make|authori[sz]e|order"
              + "|place|recogni[sz]e)|not recogni[sz]e|unexpected|dispute)\\b.{0,250}?"
              + "(?:\\+?1[\\s.–-]*)?(?:\\(\\s*\\d{3}\\s*\\)[\\s.–-]{0,5}|\\d{3}[\\s.–-]{1,5})"
              + "(?:\\(\\s*)?\\d{3}(?:\\s*\\))?[\\s.–-]{1,5}(?:\\(\\s*)?\\d{4}\\b");

  /** A whole web address whose path leads to a sign-in, account, billing or verification page. */
  private static final Pattern ACCOUNT_PAGE_ADDRESS =
      Pattern.compile(
          "(?i)^https?://[^/\\s]+/\\S*?(?:account|log-?in|sign-?in|verif|billing|payment|password"
              + "|secur|webapp|auth|wallet)\\S*$");

  /** A number from one to ten in words, before "million": "five million dollars". */
  private static final String NUMBER_WORD =
      "\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|um|dois|tr[\u00eae]s|quatro|cinco"
          + "|seis|sete|oito|nove|dez|uno|dos|cuatro|siete|ocho|nueve|diez|un|deux|trois|quatre"
          + "|cinq|sept|huit|neuf|dix|ein|zwei|drei|vier|f[\u00fcu]nf|sechs|sieben|acht|neun"
          + "|zehn|een|twee|drie|zes|zeven|negen|tien)";

  /** A number of a thousand or more: 4,000,000.00, 8.500.000, 250000. */
  private static final String LARGE_AMOUNT =
      "(?:\\d{1,3}(?:[.,' ]\\d{3})+|\\d{4,})(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d+)? ?"
          + "(?:m\\b|million|mil+i?on(?:en|es|s)?|milh(?:\u00e3o|\u00f5es|oes)|mio\\b|bn|billion)";

  /**
   * Words of a windfall: a donation, inheritance, lottery win, prize, compensation or unclaimed
   * funds said to be the reader's, in English, Portuguese, Spanish, French, German and Dutch.
   * {@link #windfall} counts them only beside a large sum and a word for the reader.
   */
  private static final CuePattern WINDFALL =
      CuePattern.compile(
          "\\b(?:donat(?:e|ed|ion|ing)|inherit(?:ed|ance)|beneficiar(?:y|ies)|next of kin"
              + "|compensation (?:fund|payment|money|award)s?|lottery|lotto|(?:winning|prize|award|win)"
              + " (?:sum|amount|money|prize)s?|you (?:have )?won|emerged (?:as )?(?:the )?winner"
              + "|unclaimed (?:funds?|sums?|amounts?|inheritance)"
              + "|compensat\\w* (?:all )?(?:the )?(?:scam|fraud) victims?"
              + "|fundos? n[\u00e3a]o reclamados?|fondos? no reclamados?|fonds non r[\u00e9e]clam[\u00e9e]s"
              + "|nicht beanspruchte[nr]? (?:betrag|summe|gelder)|niet opge\u00ebiste?"
              + "|in your favou?r"
              + "|doa[\u00e7c][\u00e3a]o|doar|doou|herdei|indeniza[\u00e7c][\u00e3a]o|indenizar|heran[\u00e7c]a|benefici[\u00e1a]ri[oa]"
              + "|pr[\u00eae]mio|voc[\u00eae] ganhou|sorteado"
              + "|donaci[\u00f3o]n|donar|indemnizaci[\u00f3o]n|hered[\u00e9e]|herencia|beneficiario|ha ganado"
              + "|loter[\u00eda]a"
              + "|don de|indemnisation|h[\u00e9e]ritage|b[\u00e9e]n[\u00e9e]ficiaire|vous avez gagn[\u00e9e]"
              + "|spende|entsch[\u00e4a]digung|erbschaft|geerbt|beg[\u00fcu]nstigte|gewonnen|schenkung"
              + "|donatie|schadevergoeding|erfenis|ge\u00ebrfd|begunstigde)\\b");

  /**
   * A sum of a thousand or more in a currency, or of millions (in words, or in figures grouped in
   * threes as 1,500,000 is, with or without a currency): what a windfall is worth.
   */
  private static final CuePattern WINDFALL_SUM =
      CuePattern.compile(
          "(?:(?:\\$|\u20ac|\u00a3|us\\$|usd|eur|gbp|r\\$) ?(?:"
              + LARGE_AMOUNT
              + ")|(?:"
              + LARGE_AMOUNT
              + ") ?(?:\\$|\u20ac|\u00a3|usd|us dollars|dollars?|euros?|pounds?|d[\u00f3o]lares|reais)"
              + "|(?:\\d+(?:[.,]\\d+)?|"
              + NUMBER_WORD
              + ") ?(?:million|milh(?:\u00e3o|\u00f5es|oes)|millones|millions"
              + "|millionen|miljoen)\\b"
              + "|\\b\\d{1,3}(?:([.,])\\d{3})\\1\\d{3}(?:\\1\\d{3})*\\b)");

  /** A word for the reader: a windfall told about someone else is news, not a lure. */
  private static final CuePattern WINDFALL_READER =
      CuePattern.compile(
          "\\b(?:you|your|voc[\u00eae]|seus?|suas?|vos|vous|usted|lhe|sie|ihnen|dich|dir|u|jij|jou)\\b");

  /** The reader's own gift ("your donation"), which charities thank for. */
  private static final CuePattern READERS_GIFT =
      CuePattern.compile("\\b(?:your|sua|seu|votre|su|ihre|uw|je) $");

  /**
   * The windfall words that name a gift, which the reader may have made; "your prize" or "your
   * inheritance" is still the reader's windfall.
   */
  private static final CuePattern GIFT_WORD =
      CuePattern.compile("^(?:donat|doa[\u00e7c]|doar|doou|donac|donar|don de|spende|schenkung)");

  /** How far around a windfall word its sum and the word for the reader are looked for. */
  private static final int WINDFALL_WINDOW = 200;

  /**
   * Money business proposed to the reader: funds to invest or to manage, a loan on offer, a
   * business deal, venture or partnership, a donation fund to pass on, an estate without heirs or
   * unclaimed funds said to be the reader's, in English, Portuguese, Spanish and French. {@link
   * #moneyProposal} counts it only beside a request to answer.
   */
  private static final CuePattern MONEY_DEAL =
      CuePattern.compile(
          "\\b(?:investors?|investment (?:funds?|capital|partners?|propos(?:al|als|ition)"
              + "|opportunit(?:y|ies)|inquiry|enquiry|collaboration|project)"
              + "|invest (?:\\w+ ){0,3}funds|fund managers?|(?:manage|reinvest) (?:\\w+ ){0,2}funds"
              + "|(?:project|business|company) funding"
              + "|(?:personal|business|private) loans?|loans? offers?"
              + "|offer(?:s|ing)? (?:\\w+ )?loans?|loans? from \\$"
              + "|(?:business|economic) (?:deal(?:ing)?|venture|proposals?|proposition|partnership"
              + "|collaboration|transaction)|lucrative (?:business|deal|venture|offer|transaction)"
              + "|next of kin|fortune in your favou?r|unclaimed (?:funds?|inheritance)"
              + "|fundos? n[a\u00e3]o reclamados?|fundo de heran[c\u00e7]a|fondos no reclamados"
              + "|donation fund|charity fund|fundo de donativos|proposta de neg[o\u00f3]cios?"
              + "|oferta de empr[e\u00e9]stimo|propuesta de negocios?|oferta de pr[e\u00e9]stamo"
              + "|proposition d'affaires|offre de pr[e\u00ea]t)\\b");

  /**
   * A request to answer the sender by mail: the only way on in a proposal that carries no link,
   * which is how the fees and bank details are asked for later.
   */
  private static final CuePattern ANSWER_REQUEST =
      CuePattern.compile(
          "\\b(?:kindly (?:get back|revert|reply|respond|contact|write)|get back to me"
              + "|revert (?:back )?to me|reply (?:me|to me|back|if you are|for more)"
              + "|(?:contact|e-?mail|write to) (?:me|us) (?:for|via|at|now|today|through)"
              + "|for (?:more|further|full) (?:info|information|details)|confirm (?:the )?receipt"
              + "|(?:please|kindly) (?:reply|respond|write back)|by return (?:mail|e-?mail)"
              + "|look(?:ing)? forward to hearing from you"
              + "|apply now|contacte-me|contactem-me|entre em contato|responda|cont[a\u00e1]ctame"
              + "|r[e\u00e9]pondez-moi|contactez-moi)\\b");

  private static final CuePattern UNSUBSCRIBE =
      CuePattern.compile(
          "\\b(?:to be removed from|remove me|(?:click|reply)[^.]{0,40}(?:to be |be )?removed"
              + "|removed from (?:our|this|the|all future) (?:mailing )?(?:list|mailings)"
              + "|opt[- ]?out|no longer wish to receive"
              + "|(?:nicht mehr|niet meer|ne plus|n[a\u00e3]o (?:deseja|quer) mais) (?:\\p{L}+ )?"
              + "(?:erhalten|ontvangen|recevoir|receber)"
              + "|dejar de recibir|deixar de receber"
              + "|(?:taken|deleted|excluded|eliminated|removed"
              + "|remove (?:you|yourself|your (?:e-?mail )?(?:address|name)))"
              + " (?:from|off|out of) (?:our|this|the|any|all|future|further)\\b[^.]{0,30}"
              + "(?:list|database|mailings?|e-?mails?|offers?|notices|updates|promotions)"
              + "|(?:off|out of|leave) (?:this|our|the) (?:mailing |e-?mail |distribution )?"
              + "(?:list|database)"
              + "|(?:receive|receiving|get|getting|unsubscribe from) (?:any )?"
              + "(?:further|future|more) (?:promotional |commercial )?"
              + "(?:e-?mails?|mailings?|offers?|notices|updates|messages|promotions)"
              + "|(?:with|type|put|word) [\"'\u201c]?remove)\\b"
              // The same instructions in the Chinese, Japanese and Korean that bulk mail to those
              // countries uses; no word boundary, since these scripts write words without spaces.
              + "|\u4e0d\u60f3\u518d\u6536\u5230|\u62d2\u6536|\u53d6\u6d88\u8a02\u95b1"
              + "|\u53d6\u6d88\u8ba2\u9605|\u9000\u8a02|\u9000\u8ba2"
              + "|\u914d\u4fe1\u505c\u6b62|\u914d\u4fe1\u3092\u505c\u6b62"
              + "|\uc218\uc2e0\\s?\uac70\ubd80|\uc218\uc2e0\uc744 \uc6d0\uce58");

  /**
   * What bulk mail sells, in weaker words than {@link #MONEY_OFFER}: prices and discounts, free
   * gifts and trials, income, loans, mortgages and insurance rates, and stock tips. Shop
   * newsletters say the same, so the cue counts only together with removal instructions.
   */
  private static final CuePattern COMMERCIAL_PITCH =
      CuePattern.compile(
          "\\b(?:\\d{1,2} ?% off|(?:only|just|as low as) \\$\\d|why pay more|half price"
              + "|(?:lowest|discount(?:ed)?|wholesale) prices?|below (?:retail|cost)"
              + "|free (?:trial|gift|info|information|quotes?|access|membership|bonus|report"
              + "|sample|consultation)|try it (?:for )?free|absolutely free"
              + "|(?:make|earn|making|earning) (?:up to |over |an extra |thousands|\\$)"
              + "|financial freedom|home[- ]based business|be your own boss|business opportunity"
              + "|refinanc\\p{L}*|mortgage rates?|home loans?|interest rates?|monthly payments?"
              + "|(?:life|health|auto) insurance|insurance (?:quotes?|rates?)|credit card debt"
              + "|bad credit|lower your (?:rates?|payments?|bills?)"
              + "|stock symbol|otc ?bb|pink sheets|strong buy|penny stocks?|stock alert"
              + "|not a registered investment advis"
              + "|(?<!feel |toll-|toll |hands-|duty-|fat-|sugar-|lead-)free\\b|\\$\\d|guarantee)");

  private static final CuePattern NOT_SPAM_CLAIM =
      CuePattern.compile(
          "\\b(?:this (?:e-?mail |message )?is not (?:a )?spam|not unsolicited"
              + "|(?:in )?compliance with (?:the )?(?:can-spam|bill s\\.? ?1618|s\\.? ?1618)"
              + "|you (?:are )?receiv(?:ed|ing) this (?:e-?mail|message) because you"
              + " (?:have )?(?:opted|signed up|registered|subscribed|requested)"
              + "|one[- ]time (?:e-?)?mail(?:ing)?)\\b");

  // Claims that only bulk mailers make: that the mail is not spam, that a law allows it, or that
  // the address came from a list or a partner rather than from the reader.
  private static final CuePattern BULK_CLAIM =
      CuePattern.compile(
          "\\b(?:this (?:e-?mail |message |mail )?is not (?:a )?spam\\b(?! list)"
              + "|(?:not|never) (?:sent )?unsolicited|never sends? unsolicited"
              + "|compl(?:iance|ies|y) with [^.]{0,60}(?:can-spam|s\\.? ?1618)"
              // Bills on unsolicited mail that bulk mailers cite to look lawful, and the states
              // they
              // leave out to stay clear of those states' laws.
              + "|h\\.? ?r\\.? ?(?:1910|3113|4176)\\b|unsolicited commercial (?:electronic )?(?:e-?)?mail act"
              + "|(?:your|this) (?:e-?mail )?address (?:was|has been) (?:obtained|collected|harvested)"
              + "|(?:purchased|rented) (?:e-?mail |mailing )?list"
              + "|offers? from (?:our |one of our )?(?:affiliates|partners|sponsors|third[- ]part(?:y|ies)"
              + "|marketing partners)"
              + "|(?:through|by|from|with) one of our (?:marketing |advertising )?partners"
              // An address on a list sold or shared as "opt-in", or consent given to a publisher
              // that mails for others.
              + "|(?:targeted|permission[- ]based)\\s+opt-?in\\s+(?:e-?mail\\s+)?list"
              + "|(?:on|part of|member of) (?:a|an|the same) opt-?in (?:e-?mail )?list"
              + "|opted[- ]in\\s+to\\s+receive\\s+(?:e-?mail|offers|mailings)\\s+from\\s+(?:publisher"
              + "|(?:our\\s+|one\\s+of\\s+our\\s+)?(?:partners|sponsors|affiliates)|third)"
              + "|(?:this is a|this (?:e-?mail|message) is a) one[- ]time (?:e-?mail(?:ing)?|mailing|message)"
              + "|sent (?:to you )?(?:on behalf of [^.]{1,60}? )?by an? (?:3rd|third)[- ]party"
              + " (?:marketing|advertising|advertiser|mailer)"
              + "|entered (?:the|a|our) (?:weekly |monthly |daily )?(?:draw|drawing|contest) at"
              // The label US law asks of advertising sent without the reader's consent.
              + "|this (?:e-?mail |message )?is an advertisement)");

  private static final CuePattern SCAM_LURE =
      CuePattern.compile(
          "\\b(?:you(?:'ve| have)? (?:been (?:specially |personally |randomly |carefully )?(?:selected|chosen)"
              + "|(?:just )?won)\\b(?!['\u2019])"
              + "|you are (?:our|the|a) (?:lucky |grand |prize )?winner"
              + "|winning (?:number|ticket|notification)"
              + "|claim (?:your|the|a) (?:free |cash |exclusive |reward |prize |gift )*(?:prize|reward"
              + "|gift|winnings|airdrop|tokens?|allocation|bonus)"
              + "|(?:free|bonus) spins|online casino|casino bonus|welcome bonus|airdrop"
              + "|(?:crypto|bitcoin|btc|eth|xrp) giveaway|free (?:btc|bitcoins?|crypto|eth|usdt)\\b"
              + "|sie (?:haben|wurden) (?:\\p{L}+ )?(?:gewonnen|ausgew[a\u00e4]h?lt)|gewinnspiel"
              + "|verlosung|freispiele"
              + "|(?:je|u) (?:bent|hebt|heeft) (?:\\p{L}+ )?(?:gewonnen|geselecteerd|uitgekozen)"
              + "|vous avez (?:\\p{L}+ )?(?:gagn[e\u00e9]|[e\u00e9]t[e\u00e9] s[e\u00e9]lectionn[e\u00e9])"
              + "|tours gratuits"
              + "|(?:usted )?ha(?:s)? (?:sido seleccionad[oa]|ganado)|giros gr[a\u00e1]tis"
              + "|voc[e\u00ea] (?:foi (?:selecionad[oa]|sortead[oa])|ganhou)|rodadas gr[a\u00e1]tis"
              // Casino sign-up bait: spins and welcome bonuses without a deposit.
              + "|gratisdrehs?|kostenlose drehungen|willkommensbonus|welkomstbonus"
              + "|bonus de bienvenue|bono de bienvenida|b[o\u00f4]nus de boas-vindas"
              + "|(?:no|keine|geen) (?:deposit|einzahlung|storting)|sans d[e\u00e9]p[o\u00f4]t"
              + "|sin dep[o\u00f3]sito|sem dep[o\u00f3]sito|jackpot"
              // A reward for being picked or for answering a few questions.
              + "|sofortgewinn|auserw[a\u00e4]hlt\\p{L}*|(?:u|je) bent (?:\\p{L}+ )?(?:gekozen|uitgekozen)"
              + "|your (?:reward|prize|gift) (?:awaits|is waiting)"
              // A survey only counts when a prize follows it in the same sentence: shops ask for
              // feedback too.
              + "|(?:survey|enqu[e\u00ea]te|umfrage|pesquisa|encuesta|sondage|questionnaire)"
              + "[^.!?\\n]{0,40}\\b(?:win|claim|reward|prize|gift|beloning|prijs|cadeau|gewinn\\p{L}*"
              + "|belohnung|pr[e\u00ea]mio|premio|r[e\u00e9]compense|regalo|brinde)\\b)");

  private static final CuePattern ADULT_OR_HEALTH =
      CuePattern.compile(
          // Enlargement pitches come first so that "penis enlargement" counts as its own phrase.
          "\\b(?:(?:penis|male|breast) (?:enlargement|enhancement)|enlarge your (?:penis|manhood|breasts?)"
              + "|v[i1*!]agra|cialis|levitra|penis|erections?|erektion|xxx|porn\\p{L}*|nude|naked"
              + "|horny|hardcore|milfs?|sexy (?:girls|women|teens|singles)"
              + "|hot (?:singles|girls|teens|babes)|lonely (?:women|wives|housewives|ladies)"
              + "|(?:meet|date) (?:beautiful|hot|lonely|sexy|single) (?:\\p{L}+ )?(?:women|girls|ladies"
              + "|singles)"
              + "|adult (?:site|content|videos?|movies?|dating)|cum ?shots?"
              + "|(?:lose|losing|drop|shed) (?:up to )?\\d+(?: ?- ?\\d+)?"
              + "\\s?(?:lbs|pounds|kg|kilos)|weight ?loss"
              + "|burn (?:the )?fat|fat ?burn\\p{L}*|diet pills?|miracle (?:cure|pill)|anti-?aging"
              + "|human growth hormone|no prescription|online pharmacy"
              + "|abnehmen|wunschgewicht|potenz\\p{L}*|afvallen|emagrecer|perder peso|maigrir"
              + "|perte de poids"
              + "|(?:frauen|vrouwen|mulheres|femmes|mujeres) (?:in (?:deiner|jouw|je) (?:n[a\u00e4]he|buurt)"
              + "|kennenlernen|ontmoeten)"
              // Dating pitches: women said to be near, waiting or eager to chat, casual sex, and
              // brides from abroad, in the languages these campaigns are written in.
              + "|(?:meet|chat with|date) (?:\\p{L}+ ){0,2}(?:women|girls|ladies|singles)"
              + "|(?:women|girls|ladies|singles) (?:near you|in your (?:area|city)"
              + "|(?:are )?waiting for you|want to (?:chat|meet|date))"
              + "|hot sex|sex ?dat(?:ing|es?)|casual (?:sex|encounters?)|sexting|sluts?|lewd"
              + "|(?:russian|ukrainian|slavic|russische|oekra[i\u00ef]?ense|slavische|russischen"
              + "|ukrainischen|slawische|russes"
              + "|ukrainiennes|russas|ucranianas|rusas) (?:wom[ae]n|brides?|girls?|beaut(?:y|ies)"
              + "|vrouwen|meisjes?|schoonhe(?:id|den)|frauen|femmes|mulheres|mujeres)"
              + "|(?:view|see|check out) (?:my|her) (?:profile|photos|pics)"
              + "|(?:mijn|haar) (?:profiel|foto'?s) (?:te )?bekijken|(?:mein|ihr) profil an(?:sehen|schauen)"
              + "|(?:frauen|singles|damen) in (?:ihrer|deiner) (?:n[a\u00e4]he|umgebung)"
              + "|(?:frauen|singles) (?:zu )?(?:treffen|kennenlernen|chatten)|sexkontakt\\p{L}*|seitensprung"
              + "|profile in (?:ihrer|deiner) (?:n[a\u00e4]he|umgebung)|liebesleben"
              + "|sexabenteuer\\p{L}*|one-night-stands?|erotisch\\p{L}*"
              + "|erotik\\p{L}*|erotic\\p{L}*|(?:vrouwen|meisjes|dames|singles) (?:\\p{L}+ )?(?:ontmoeten|chatten|daten)"
              + "|(?:ontmoet|ontmoeten|chat met|date met) (?:\\p{L}+ ){0,3}(?:vrouwen|meisjes|dames|singles)"
              + "|spannende (?:afspraak|date)|sexdate|naaktfoto\\p{L}*|flirten"
              + "|femmes (?:c[e\u00e9]libataires|pr[e\u00e8]s de chez)"
              + "|rencontres? (?:coquines?|discr[e\u00e8]tes?|sexy)|plan cul"
              + "|mujeres (?:solteras|cerca de)|citas? (?:calientes|discretas|picantes)"
              + "|mulheres (?:solteiras|perto de)|encontros? (?:casuais|picantes|discretos)"
              // Potency, weight-loss injections, pain and hair-removal cures sold by mail.
              + "|erectile dysfunction|testosterone|libido|glp-1|semaglutide|tirzepatide"
              + "|blood sugar|hair removal|pain relief|(?:joint|back|knee|foot|nerve) pain"
              + "|schmerzfrei|voetpijn|rugpijn|gewrichtspijn|aphrodisi\\p{L}*)\\b");

  // "ADV:" is the label several US state laws required on unsolicited advertising; Japan's law on
  // commercial e-mail required "\u672a\u627f\u8afe\u5e83\u544a\u203b" ("unsolicited
  // advertisement") and Korea's requires "(\uad11\uace0)" ("advertisement") at a subject's start.
  private static final CuePattern ADVERTISEMENT_LABEL =
      CuePattern.compile(
          "^\\s*(?:\\[adv\\]|\\(adv\\)|adv\\s*:|\u672a\u627f\u8afe\u5e83\u544a"
              + "|[(\\[]\\s?\uad11\\s?\uace0\\s?[)\\]])");

  // A token after a wide gap at the end of a subject makes every copy unique (a "hash buster").
  private static final Pattern PADDED_TOKEN = Pattern.compile("\\S\\s{6,}(\\S+)\\s*$");

  private static final Pattern PADDED_DIGITS = Pattern.compile("\\d{3,}");

  private static final Pattern PADDED_CAPITALS = Pattern.compile("[A-Z]{4,}");

  /** Letters a padded token needs before it can be told from a word by its letters. */
  static final int PADDED_MASH_SHORTEST = 5;

  private static final Pattern STYLED_LETTERS = Pattern.compile("[\\x{1D400}-\\x{1D7FF}]{3,}");

  // Zero-width and combining fillers between the letters of a word break it up for filters only.
  private static final Pattern SPLIT_WORD =
      Pattern.compile(
          "[\\p{L}][\\u034F\\u200B\\u200C\\u200D\\u2060\\u00AD\\u200E\\u200F\\uFEFF]+[\\p{L}]");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private static final Map<String, CuePattern> ADVANCE_FEE = loadPatterns("advance-fee.txt");

  /**
   * SpamAssassin's predicate for a sum of money. Every advance-fee story names one, so a text
   * without it is not searched for the fifty others, which keeps the cue cheap on ordinary mail.
   */
  private static final CuePattern ADVANCE_FEE_MONEY =
      java.util.Objects.requireNonNull(
          ADVANCE_FEE.get("__FRAUD_DBI"), "advance-fee money predicate");

  /** Stories tell the windfall early; the rest of a very long text is not searched. */
  private static final int ADVANCE_FEE_REACH = 20_000;

  /** Different advance-fee phrases a story needs before it counts, as SpamAssassin's rules do. */
  static final int ADVANCE_FEE_PHRASES = 3;

  private static final CuePattern MONEY_OFFER =
      CuePattern.compile(
          "\\b(?:100% free|risk[- ]free|no (?:obligation|cost|credit check)|money[- ]back"
              + "|(?:extra|additional|residual|home[- ]based) income|earn (?:up to )?\\$"
              + "|(?:lowest|low) (?:mortgage )?(?:rates?|prices?)|debt (?:free|consolidation|relief)"
              + "|make money|work (?:from|at) home|credit (?:card )?(?:offers?|repair)"
              + "|act now|order now|buy now"
              + "|limited[- ]time offer|special promotion|save (?:up to )?\\d+%|\\$\\d[\\d,]*"
              + " (?:per|a) (?:week|month|day)"
              + "|100% (?:kostenlos|gratis|gratuit|gr\u00e1tis)"
              + "|risikofrei|zonder risico|sans risque|sin riesgo|sem risco"
              + "|unverbindlich|vrijblijvend|sans engagement|sin compromiso|sem compromisso"
              + "|geld-zur\u00fcck-garantie|geld-terug-garantie|satisfait ou rembours\u00e9"
              + "|(?:sparen sie|bespaar|\u00e9conomisez|ahorre|economize) (?:bis zu|tot|jusqu'\u00e0"
              + "|hasta|at\u00e9) \\d+ ?%"
              + "|jetzt (?:kaufen|bestellen)|nu (?:kopen|bestellen)"
              + "|(?:achetez|commandez)[- ]maintenant|compre (?:ahora|agora|j\u00e1))");

  /**
   * The moves of a sales pitch mailed to a list, one pattern per move: a call to click, removal
   * instructions for a list the reader is on, a guarantee, an order line or free phone number, a
   * salutation for nobody in particular, and borrowed authority ("as seen on TV", "you are
   * pre-approved"). Each alone is ordinary in newsletters and shop mail; a pitch makes several.
   */
  private static final List<CuePattern> SALES_MOVES =
      List.of(
          CuePattern.compile("\\bclick (?:here|below|on the link|this link)\\b"),
          CuePattern.compile(
              "\\b(?:to be removed|remove in the subject|(?:reply|respond) with [\"']?remove"
                  + "|removed from (?:our|this|the) (?:mailing )?list"
                  + "|remove your (?:e-?mail|address|name)|you are receiving this|you received this"
                  + "|receiving this (?:e-?mail|message|mailing) because)"),
          CuePattern.compile("\\b(?:100% )?guaranteed?\\b"),
          CuePattern.compile(
              "\\b(?:order (?:now|today|yours)|call (?:now|today|toll[- ]free)|toll[- ]free"
                  + "|1-8\\d\\d-)"),
          CuePattern.compile("\\bdear (?:sir|madam|friend|valued|customer)"),
          CuePattern.compile(
              "\\b(?:(?:as seen on|featured on) (?:tv|television|nbc|cbs|cnn|abc|fox|oprah)"
                  + "|(?:you(?:'re| are| have been)|(?:loan|application) (?:is|has been))"
                  + " (?:pre-?)?approved\\b)"));

  /**
   * What underground shops sell to spammers and phishers: hijacked hosting panels, web shells, mail
   * servers and mailboxes, remote desktops, address lists and ready-made scam pages. Hosting
   * providers name a few of these too, so {@link #accessForSale} needs many of them and one that
   * only a criminal market sells.
   */
  private static final CuePattern ACCESS_FOR_SALE =
      CuePattern.compile(
          "\\b(?:c-?panels?|whm|shells?|smtps?|rdps?|webmails?|(?:php)?mailers?|office ?365"
              + "|leads|scam ?pages?|scams|fullz|spamming tools)\\b");

  private static final CuePattern CRIMINAL_GOODS =
      CuePattern.compile(
          "\\b(?:shells|(?:php)?mailers?|scam ?pages?|scams|fullz|spamming tools)\\b");

  /** Different kinds of access or tools a text names before it counts as a criminal market. */
  static final int ACCESS_KINDS = 5;

  /**
   * The moves of sextortion, one pattern per move: a claim to have taken over the reader's devices
   * or mailbox, malware said to be planted, a recording of the reader at adult sites, a threat to
   * send it to everyone they know, and a payment demanded in coins. Security news and a complaint
   * about spam name one or two; the extortion letter makes them all.
   */
  private static final List<CuePattern> EXTORTION_MOVES =
      List.of(
          CuePattern.compile(
              "\\b(?:hacked|gain(?:ed)? (?:full |total |complete )?(?:access|control|permission))"
                  + " (?:to |over |of )?(?:\\p{L}+ ){0,2}(?:your|all your) (?:\\p{L}+ )?(?:devices?"
                  + "|computers?|machines?|accounts?|e-?mail|mailbox|phone)"),
          CuePattern.compile(
              "\\b(?:install(?:ed|ing)?|set(?:ting)? up|planted) (?:a |my |an? )?(?:\\p{L}+ )?"
                  + "(?:virus|trojan|malware|spyware|rat)\\b"),
          CuePattern.compile(
              "\\b(?:porn\\p{L}*|adult (?:sites?|videos?|content)|explicit content)"),
          CuePattern.compile(
              "\\b(?:(?:send|share|forward|distribute|leak)\\p{L}* (?:\\p{L}+ ){0,4}(?:to|with) (?:all )?"
                  + "(?:of )?(?:your )?(?:contacts|friends|family|colleagues|relatives|everyone)"
                  + "|everyone you (?:know|are acquainted with))"),
          CuePattern.compile(
              "\\b(?:(?:bitcoin|btc|crypto) (?:wallet|address)|to my (?:bitcoin |btc |crypto )?wallet)"));

  /** Different extortion moves a text needs before it counts as sextortion. */
  static final int EXTORTION_MOVES_NEEDED = 4;

  /** Different sales moves a text needs before it counts as a pitch. */
  static final int SALES_MOVES_NEEDED = 2;

  /**
   * The moves of a stock tip mailed to strangers to pump a thinly traded share ("pump and dump"),
   * one pattern per move: a share on an over-the-counter market (required), a buy call, a forecast
   * or a nudge to take a position, past gains in percent, and the paid-promotion disclaimer.
   * Financial news and brokers' letters make one or two of these moves; a tout makes three.
   */
  private static final List<CuePattern> STOCK_TOUT_MOVES =
      List.of(
          CuePattern.compile(
              "\\b(?:(?:otc ?bb|otc|pink ?sheets?)\\s*:\\s*[a-z]{3,5}\\b|otc ?bb\\b|pink sheets\\b"
                  + "|otc markets\\b|penny stocks?\\b)"),
          CuePattern.compile(
              "\\b(?:strong buy|(?:short|long)[- ]term (?:buy|target)|undervalued|hot stock"
                  + "|stock alert|(?:investment|research) alert|buy recommendation)"),
          CuePattern.compile(
              "\\b(?:(?:prices?|shares?|stock) (?:could|should|will|may) (?:\\p{L}+ )?"
                  + "(?:skyrocket|soar|double|triple|explode)|(?:price )?target of \\$"
                  + "|(?:put|add) \\p{L}+ (?:to|on) your watch ?list|acquire a position)"),
          CuePattern.compile("\\b(?:up|gained|rose|climbed|jumped) (?:over |more than )?\\d+ ?%"),
          CuePattern.compile(
              "\\b(?:not a registered (?:investment|financial) advis"
                  + "|(?:received|been paid|compensated) [^.]{0,60}(?:shares"
                  + "|for (?:this|the) (?:report|profile|advertisement|newsletter))"
                  + "|profiled compan)"));

  /**
   * The moves of a lead-generation mailing for loans, credit and insurance, one pattern per move:
   * lenders or brokers said to compete for the reader, credit said not to matter, the products
   * (refinancing, consolidation, home equity), a rate hook, and the quick form or free quote that
   * collects the reader's details. A bank's own letter makes one or two; the mailing makes three.
   */
  private static final List<CuePattern> LEAD_FORM_MOVES =
      List.of(
          CuePattern.compile(
              "\\b(?:lenders? (?:will )?compete|compete for your (?:loan|business|mortgage)"
                  + "|(?:receive|get|compare) (?:up to )?\\d+ (?:free )?(?:quotes|offers|lenders)"
                  + "|hundreds of lenders|top (?:mortgage )?(?:brokers|lenders))"),
          CuePattern.compile(
              "\\b(?:less than perfect credit|(?:bad|poor|damaged|no) credit\\b(?! cards?)"
                  + "|regardless of (?:your )?credit|credit (?:doesn't|does not) (?:have to be|matter))"),
          CuePattern.compile(
              "\\b(?:refinanc\\p{L}*|debt consolidation|consolidate (?:your )?(?:\\p{L}+ )?"
                  + "(?:debts?|bills)|second mortgage|home equity|cash[- ]out)"),
          CuePattern.compile(
              "\\b(?:(?:mortgage|interest) rates? (?:are|have|hit)|\\d+ (?:year|yr\\.?) lows?"
                  + "|lowest (?:point|level) in \\d+ years|lower (?:your )?monthly payments?)"),
          CuePattern.compile(
              "\\b(?:(?:quick|short|simple|free|easy|online) (?:\\p{L}+, )*(?:\\p{L}+ )?"
                  + "(?:form|application)\\b|(?:free|no[- ]obligation|instant) (?:\\p{L}+ )?quotes?\\b"
                  + "|(?:life|health|auto|term) insurance quotes?)"));

  /**
   * The moves of a work-from-home or business-opportunity pitch, one pattern per move: an income
   * claim, work from home, being one's own boss or part-time hours, a downline or multi-level
   * scheme, and free information without risk. A job advert or a franchise's letter makes one or
   * two; the pitch makes three.
   */
  private static final List<CuePattern> HOME_INCOME_MOVES =
      List.of(
          CuePattern.compile(
              "\\b(?:\\$[\\d,]+(?:\\.\\d\\d)? (?:per|a|every|each) (?:week|month|day)"
                  + "|earn (?:up to |over |an extra )?\\$|six[- ]figures?"
                  + "|make (?:huge |big |serious )?(?:money|profits)|make \\$"
                  + "|(?:extra|residual|additional|substantial) income)"),
          CuePattern.compile(
              "\\b(?:from (?:the comfort of )?(?:your )?(?:own )?home\\b|home[- ]based"
                  + "|(?:work|working) (?:from|at) home)"),
          CuePattern.compile(
              "\\b(?:be your own boss|work for yourself|no experience (?:necessary|required|needed)"
                  + "|fire your boss|part[- ]time|financial (?:freedom|independence))"),
          CuePattern.compile(
              "\\b(?:downline|network marketing|multi-?level marketing|mlm\\b"
                  + "|business opportunit(?:y|ies)|ground floor)"),
          CuePattern.compile(
              "\\b(?:free (?:information|info|report|details)|information (?:package|kit)"
                  + "|(?:no|without) (?:selling|risk|investment))"));

  /**
   * Bulk mailing sold by bulk mail: millions of addresses for a price, or a direct e-mail
   * advertising service offered to strangers. Marketing firms describe their services in the same
   * words, so the cue only adds to others.
   */
  private static final CuePattern BULK_MAIL_SALE =
      CuePattern.compile(
          "\\b(?:\\d[\\d,.]* (?:million|thousand|m) (?:fresh |targeted |verified |opt-?in )?"
              + "e-?mail addresses|e-?mail addresses for (?:only )?\\$"
              + "|(?:direct|bulk|mass) e-?mail(?:ing)? (?:advertising|marketing|services?|software"
              + "|programs?|servers?|campaigns?)"
              + "|send (?:your (?:ad|message|offer) )?to (?:\\d[\\d,.]* )?(?:million|millions of)"
              + " (?:people|prospects|e-?mail)"
              + "|millions? of (?:fresh |targeted |valid )?e-?mail addresses"
              + "|e-?mail (?:advertising|marketing) (?:company|service)s?"
              + "|(?:targeted|fresh|verified|opt-?in) e-?mail (?:addresses|lists?))");

  /** Different lures that make a lure mailing beyond doubt (see {@link #scamLures}). */
  static final int SCAM_LURES_STRONG = 2;

  /**
   * Different adult, dating or health phrases that make a pitch beyond doubt: two are a pitch, and
   * {@link #adultOrHealthPitch} quotes up to this many.
   */
  static final int ADULT_OR_HEALTH_STRONG = 3;

  /** Words with look-alike letters a text needs before it counts as disguised. */
  /**
   * Official notices of a debt, fine, summons, tax refund or lapsing public entitlement in
   * Portuguese, Spanish, French and English: the pretext of government, tax, court and traffic-fine
   * impersonation. Named notices only, not agencies, since news and newsletters name agencies all
   * the time.
   */
  private static final CuePattern GOVERNMENT_NOTICE =
      CuePattern.compile(
          "\\b(?:intima[çc][ãa]o\\s+(?:judicial|eletr[ôo]nica|para)"
              + "|mandado\\s+de\\s+(?:cita[çc][ãa]o|intima[çc][ãa]o)"
              + "|notifica[çc][ãa]o\\s+(?:judicial|extrajudicial)"
              + "|(?:multa|infra[çc][ãa]o)\\s+de\\s+tr[âa]nsito|multas?\\s+(?:em\\s+aberto|pendentes?)"
              + "|restitui[çc][ãa]o\\s+do\\s+imposto|d[ée]bitos?\\s+(?:pendentes?|em\\s+aberto)"
              + "|ped[áa]gio\\s+(?:em\\s+aberto|pendente)"
              + "|buz[óo]n\\s+tributario|(?:citaci[óo]n|notificaci[óo]n)\\s+judicial"
              + "|(?:multa|infracci[óo]n)\\s+de\\s+(?:tr[áa]fico|tr[áa]nsito)"
              + "|multas?\\s+pendientes?|devoluci[óo]n\\s+de\\s+impuestos|adeudo\\s+fiscal"
              + "|tax\\s+refund|traffic\\s+(?:fine|ticket|violation)|court\\s+summons"
              + "|unpaid\\s+tolls?|toll\\s+(?:balance\\s+)?(?:due|overdue)"
              + "|penalty\\s+charge\\s+notice"
              // Lawsuits and summons in the reader's name, and a tax identity said to be irregular.
              + "|citad[oa]\\s+(?:n[oa]|em\\s+(?:um|uma))\\s+(?:processo|a[çc][ãa]o)"
              + "|processo\\s+(?:[\\p{L}\\d/.-]+\\s+){0,2}em\\s+seu\\s+nome"
              + "|convoca[çc][ãa]o\\s+(?:para\\s+o|ao)\\s+tribunal"
              + "|cpf\\s+(?:est[áa]\\s+|encontra-se\\s+)?(?:irregular|suspenso|cancelado|bloqueado)"
              + "|regularize\\s+(?:o\\s+)?seu\\s+cpf"
              + "|avis\\s+de\\s+contravention|amende\\s+(?:impay[ée]e|major[ée]e|forfaitaire|[àa]\\s+payer"
              + "|en\\s+attente)|remboursement\\s+d['’]imp[ôo]ts?|p[ée]age\\s+(?:impay[ée]|non\\s+pay[ée])"
              + "|convocation\\s+(?:au|devant\\s+le)\\s+tribunal|citation\\s+[àa]\\s+compara[îi]tre"
              + "|peaje\\s+(?:pendiente|impagado)"
              // A public entitlement said to lapse unless the reader acts: the pretext of fake
              // benefit and training-fund portals.
              + "|(?:vos\\s+)?droits\\s+(?:\\p{L}{2,5}\\s+)?(?:expirent|vont\\s+expirer|non\\s+utilis[ée]s"
              + "|inutilis[ée]s)"
              // France's training fund (CPF) may not be pitched to people who did not ask since
              // 2022; a mail urging the reader to check their CPF rights is the scam's opening.
              + "|v[ée]rifi\\p{L}*\\s+(?:vos|votre|mes|mon)\\s+(?:droits|solde|[ée]ligibilit[ée])"
              + "\\s+(?:au\\s+)?cpf\\b"
              + "|(?:valor|benef[íi]cio|saldo)\\s+(?:\\p{L}+\\s+)?dispon[íi]vel\\s+para\\s+saque)(?![\\p{L}])");

  static final int LOOK_ALIKE_WORDS = 3;

  /** Letters and digits, with "-" and "@" between groups, as hash busters are written. */
  private static final Pattern RANDOM_CODE =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9@-]*[A-Za-z0-9]");

  /** An "@" before a host name makes the token an address or a message id. */
  private static final Pattern MAIL_ID = Pattern.compile("@[A-Za-z]");

  private static final Pattern HEX_NUMBER = Pattern.compile("(?:0[xX])?[0-9a-fA-F-]+");

  /** Switches between letters and digits a random code makes at least. */
  static final int CODE_SWITCHES = 4;

  /** Letters and digits without a break that make a token key material, not a random code. */
  private static final int CODE_LONGEST_RUN = 20;

  /** Letters a lower-case letter mash has at least and at most (see {@link #isLetterMash}). */
  static final int MASH_SHORTEST = 12;

  static final int MASH_LONGEST = 40;

  /** How far from the start and from the end of the body a random code is looked for. */
  private static final int CODE_REACH = 400;

  private static final int GREETING_REACH = 600;
  private static final int OPENING_REACH = 200;

  private Content() {}

  /** A request to sign in, verify or update an account or password, or null. */
  public static String credentialRequest(CharSequence text) {
    String found = CREDENTIALS.find(text);
    return found != null ? found : CREDENTIALS_OTHER_LANGUAGES.find(text);
  }

  /** A subject announcing a problem with the reader's account, security or delivery, or null. */
  public static String accountNotice(CharSequence subject) {
    return ACCOUNT_NOTICE.find(subject);
  }

  /** A threat or deadline meant to rush the reader, or null. */
  public static String urgency(CharSequence text) {
    String found = URGENCY.find(text);
    return found != null ? found : URGENCY_OTHER_LANGUAGES.find(text);
  }

  /**
   * A greeting near the start of the text that addresses a reader by one of {@code addresses} or
   * its local part ("Dear jane.doe@example.com", "Hello jane.doe", "Hi jane" but not "Hi Jane",
   * "Congratulations jane.doe@example.com!", or the address opening the text followed by a comma),
   * or null: mass mailings know an address, not a name, and people writing to someone they know do
   * not greet them this way.
   */
  public static String addressGreeting(CharSequence text, Collection<String> addresses) {
    if (text == null || addresses == null || addresses.isEmpty()) {
      return null;
    }
    String head = text.subSequence(0, Math.min(text.length(), GREETING_REACH)).toString();
    // The greetings are found once; each address is then compared where one ends.
    List<int[]> greetings = new ArrayList<>();
    CuePattern.Search m = GREETING.search(head);
    while (m.next()) {
      greetings.add(new int[] {m.start(), m.end()});
    }
    for (String address : addresses) {
      String found = addressGreeting(head, greetings, address);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String addressGreeting(String head, List<int[]> greetings, String address) {
    if (address == null || address.indexOf('@') < 1) {
      return null;
    }
    String local = address.substring(0, address.indexOf('@'));
    // The address opening the text as a salutation ("jane.doe@example.com, your account..."),
    // which only a mail-merge writes.
    int first = indexOfIgnoreCase(head, address);
    if (first >= 0 && first <= OPENING_REACH) {
      int after = first + address.length();
      while (after < head.length() && head.charAt(after) == ' ') {
        after++;
      }
      if (after < head.length() && ",!:".indexOf(head.charAt(after)) >= 0) {
        return head.substring(first, after + 1).strip();
      }
    }
    // A local part that is only letters may be the reader's first name, which people greet with a
    // capital; the mailing tool pastes it as it is in the address.
    boolean nameLike = local.chars().allMatch(Character::isLetter);
    for (int[] g : greetings) {
      int at = g[1];
      if (head.regionMatches(true, at, address, 0, address.length())) {
        return head.substring(g[0], at + address.length()).strip();
      }
      int end = at + local.length();
      if (local.length() >= 3
          && head.regionMatches(!nameLike, at, local, 0, local.length())
          && !(nameLike && Character.isUpperCase(head.charAt(at)))
          && (end == head.length() || !Character.isLetterOrDigit(head.charAt(end)))) {
        return head.substring(g[0], end).strip();
      }
    }
    return null;
  }

  private static int indexOfIgnoreCase(String text, String part) {
    for (int i = 0; i + part.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, part, 0, part.length())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A cryptocurrency theft move (airdrop claim, wallet "verification", recovery phrase), or null.
   */
  public static String cryptoLure(CharSequence text) {
    return CRYPTO_LURE.find(text);
  }

  /** A notice of a debt, fine, summons or tax refund such as authorities send, or null. */
  public static String governmentNotice(CharSequence text) {
    return GOVERNMENT_NOTICE.find(text);
  }

  /**
   * The move of callback phishing, or null: a charge for a renewal or an order the reader never
   * made, with a telephone number to call to cancel or get a refund. The fraud is in the call, so
   * the message needs no link; the phrase that sends the reader to the phone is returned.
   */
  public static String callbackLure(CharSequence text) {
    String dispute = DISPUTE_BY_PHONE.find(text);
    return dispute != null && CHARGE_MADE.find(text) != null ? dispute : null;
  }

  /**
   * True when {@code text}, link text, is a whole web address of a sign-in, account, billing or
   * verification page ({@code https://billing.example.com/account/payment/update}): the reader
   * takes it for where the link goes.
   */
  public static boolean accountPageAddress(String text) {
    return text != null && ACCOUNT_PAGE_ADDRESS.matcher(text.strip()).matches();
  }

  /**
   * A windfall promised to the reader, quoted with its sum ("donated … $ 3,500,000.00"), or null: a
   * donation, inheritance, lottery win or compensation within {@value #WINDFALL_WINDOW} characters
   * of a sum of a thousand or more and of a word for the reader, the reader's own gift left out.
   */
  public static String windfall(CharSequence text) {
    if (text == null || text.length() == 0) {
      return null;
    }
    CuePattern.Text lower =
        CuePattern.Text.of(
            text.length() > ADVANCE_FEE_REACH ? text.subSequence(0, ADVANCE_FEE_REACH) : text);
    CuePattern.Search words = WINDFALL.search(lower);
    while (words.next()) {
      int start = words.start();
      if (GIFT_WORD.find(words.group()) != null
          && READERS_GIFT.find(lower.subSequence(Math.max(0, start - 6), start)) != null) {
        continue;
      }
      CharSequence around =
          lower.subSequence(
              Math.max(0, start - WINDFALL_WINDOW),
              Math.min(lower.length(), words.end() + WINDFALL_WINDOW));
      String sum = WINDFALL_SUM.find(around);
      if (sum != null && WINDFALL_READER.find(around) != null) {
        return words.group().strip() + " \u2026 " + sum;
      }
    }
    return null;
  }

  /**
   * Money business proposed with a request to answer, quoted as "proposal … request", or null: an
   * investor, a loan, a business deal or a donation fund offered to the reader, who is asked to
   * write back. Strangers' advance-fee stories open this way before any sum is named.
   */
  public static String moneyProposal(CharSequence text) {
    if (text == null || text.length() == 0) {
      return null;
    }
    // Lower-cased once for both patterns, as advanceFee does.
    CuePattern.Text head =
        CuePattern.Text.of(
            text.length() > ADVANCE_FEE_REACH ? text.subSequence(0, ADVANCE_FEE_REACH) : text);
    String deal = MONEY_DEAL.find(head);
    if (deal == null) {
      return null;
    }
    String answer = ANSWER_REQUEST.find(head);
    return answer == null ? null : deal.strip() + " \u2026 " + answer.strip();
  }

  /** Money waiting to be withdrawn from an account the reader is told about, or null. */
  public static String fundsToWithdraw(CharSequence text) {
    return FUNDS_TO_WITHDRAW.find(text);
  }

  /**
   * A word of the text that mixes ASCII Latin letters with Cyrillic or Greek look-alikes, when at
   * least {@link #LOOK_ALIKE_WORDS} words do, or null. Writing "асcount" with Cyrillic "а" and "с"
   * keeps the word from filters while the reader sees it whole; real Russian or Greek text writes
   * its words in one script, and a single odd word can be a typing slip.
   */
  public static String lookAlikeLetters(CharSequence written) {
    return mixedScriptWord(written, LOOK_ALIKE_WORDS);
  }

  /**
   * The first word of the text that mixes ASCII Latin letters with Cyrillic or Greek ones, when at
   * least {@code needed} words do, or null.
   */
  static String mixedScriptWord(CharSequence text, int needed) {
    if (text == null || text.length() == 0) {
      return null;
    }
    // Most texts have no Greek or Cyrillic letter at all; a loop over the chars finds that cheaply.
    int first = 0;
    while (first < text.length() && !isGreekOrCyrillic(Character.codePointAt(text, first))) {
      first += Character.charCount(Character.codePointAt(text, first));
    }
    if (first == text.length()) {
      return null;
    }
    Matcher words = WORD.matcher(text).region(wordStart(text, first), text.length());
    String found = null;
    int n = 0;
    while (words.find()) {
      String word = words.group();
      if (mixesScripts(word)) {
        found = found == null ? word : found;
        if (++n == needed) {
          return found;
        }
      }
    }
    return null;
  }

  private static int wordStart(CharSequence text, int at) {
    int from = at;
    while (from > 0 && Character.isLetterOrDigit(text.charAt(from - 1))) {
      from--;
    }
    return from;
  }

  private static boolean isGreekOrCyrillic(int codePoint) {
    if (codePoint < 0x370) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK;
  }

  /** A request about payments or bank details, or null. */
  public static String paymentRequest(CharSequence text) {
    return PAYMENT.find(text);
  }

  /** A mention of gift cards, the currency of gift-card fraud, or null. */
  public static String giftCards(CharSequence text) {
    return GIFT_CARDS.find(text);
  }

  /** The opening moves of business e-mail compromise ("are you available?"), or null. */
  public static String becOpener(CharSequence text) {
    return BEC_OPENER.find(text);
  }

  /** A password or code written out in the text, as sent with encrypted archives, or null. */
  public static String passwordGiven(CharSequence text) {
    return PASSWORD_GIVEN.find(text);
  }

  /** Instructions for getting off a mailing list, or null. */
  public static String unsubscribe(CharSequence text) {
    return UNSUBSCRIBE.find(text);
  }

  /** A claim that the mail is not spam or is sent lawfully, or null. */
  public static String notSpamClaim(CharSequence text) {
    return NOT_SPAM_CLAIM.find(text);
  }

  /** A price, free gift, income, loan, insurance or stock pitch, or null. */
  public static String commercialPitch(CharSequence text) {
    return COMMERCIAL_PITCH.find(text);
  }

  /** A money-making or bargain offer, or null. */
  public static String moneyOffer(CharSequence text) {
    return MONEY_OFFER.find(text);
  }

  /**
   * A claim that the mail is not spam, is lawful, or reached the reader through a list, or null.
   */
  public static String bulkClaim(CharSequence text) {
    return BULK_CLAIM.find(text);
  }

  /** A prize, selection, give-away or gambling lure, or null. */
  public static String scamLure(CharSequence text) {
    return SCAM_LURE.find(text);
  }

  /**
   * Up to two different prize, selection, give-away or gambling lures joined by a comma (see {@link
   * #phrases}), or null when there is none. A campaign that dangles two baits is a lure mailing,
   * not a sweepstakes notice.
   */
  public static String scamLures(CharSequence text) {
    List<String> found = SCAM_LURE.distinct(text, SCAM_LURES_STRONG);
    return found.isEmpty() ? null : String.join("\", \"", found);
  }

  /**
   * Two different adult, dating or miracle-health phrases joined by a comma, or null: one alone is
   * as likely to be news or a discussion of spam.
   */
  public static String adultOrHealthPitch(CharSequence text) {
    List<String> found = ADULT_OR_HEALTH.distinct(text, ADULT_OR_HEALTH_STRONG);
    return found.size() >= 2 ? String.join("\", \"", found) : null;
  }

  /**
   * The sales moves (see {@link #SALES_MOVES}) found in the text, one phrase per move joined by
   * {@code ", "} in quotes, when at least two different moves occur; else null.
   */
  public static String salesPitch(CharSequence text) {
    return moves(SALES_MOVES, text, SALES_MOVES_NEEDED);
  }

  /**
   * The moves of a stock tout (see {@link #STOCK_TOUT_MOVES}) found in the text, joined as {@link
   * #salesPitch} joins them, when at least two occur and one of them names an over-the-counter
   * share; else null.
   */
  public static String stockTout(CharSequence text) {
    if (text == null || text.length() == 0) {
      return null;
    }
    // Touts pump shares nobody else follows; a tip on a listed share is a broker's or a
    // newsletter's. Asked first, since most mail names no such share.
    CuePattern.Text lower = CuePattern.Text.of(text);
    return STOCK_TOUT_MOVES.get(0).find(lower) == null
        ? null
        : moves(STOCK_TOUT_MOVES, lower, SALES_MOVES_NEEDED);
  }

  /**
   * The moves of a loan, credit or insurance lead-generation mailing (see {@link #LEAD_FORM_MOVES})
   * found in the text, joined as {@link #salesPitch} joins them, when at least two occur; else
   * null.
   */
  public static String leadForm(CharSequence text) {
    return moves(LEAD_FORM_MOVES, text, SALES_MOVES_NEEDED);
  }

  /**
   * The moves of a work-from-home or business-opportunity pitch (see {@link #HOME_INCOME_MOVES})
   * found in the text, joined as {@link #salesPitch} joins them, when at least two occur; else
   * null.
   */
  public static String homeIncome(CharSequence text) {
    return moves(HOME_INCOME_MOVES, text, SALES_MOVES_NEEDED);
  }

  /** Bulk mailing or mailing addresses offered for sale, or null. */
  public static String bulkMailSale(CharSequence text) {
    return BULK_MAIL_SALE.find(text);
  }

  // One phrase per move found, joined in quotes, when at least the needed number of different
  // moves occur. The search stops once the moves left could no longer make up the number.
  private static String moves(List<CuePattern> moves, CharSequence text, int needed) {
    if (text == null || text.length() == 0) {
      return null;
    }
    CuePattern.Text lower = CuePattern.Text.of(text);
    List<String> found = new ArrayList<>();
    for (int i = 0; i < moves.size(); i++) {
      if (found.size() + moves.size() - i < needed) {
        return null;
      }
      String phrase = moves.get(i).find(lower);
      if (phrase != null) {
        found.add(phrase);
      }
    }
    return found.size() >= needed ? String.join("\", \"", found) : null;
  }

  /**
   * Hijacked servers, mailboxes and spamming tools offered for sale: at least {@value
   * #ACCESS_KINDS} different kinds named (joined as {@link #salesPitch} joins its moves), one of
   * them a criminal good (web shells, mailers, scam pages); else null.
   */
  public static String accessForSale(CharSequence text) {
    if (text == null || text.length() == 0) {
      return null;
    }
    CuePattern.Text lower = CuePattern.Text.of(text);
    if (CRIMINAL_GOODS.find(lower) == null) {
      return null;
    }
    List<String> found = ACCESS_FOR_SALE.distinct(lower, ACCESS_KINDS);
    return found.size() >= ACCESS_KINDS ? String.join("\", \"", found) : null;
  }

  /**
   * The sextortion moves (see {@link #EXTORTION_MOVES}) found in the text, one phrase per move
   * joined as {@link #salesPitch} joins its moves, when at least {@value #EXTORTION_MOVES_NEEDED}
   * occur; else null.
   */
  public static String extortion(CharSequence text) {
    return moves(EXTORTION_MOVES, text, EXTORTION_MOVES_NEEDED);
  }

  /** How many phrases a cue that joins them ({@link #salesPitch}) quotes; 0 for null. */
  public static int phrases(String joined) {
    return joined == null ? 0 : count(joined, "\", \"") + 1;
  }

  /**
   * The advance-fee fraud phrases (a windfall, a dead benefactor, a confidential transfer) found in
   * the text, joined, when at least three different ones occur; else null.
   */
  public static String advanceFee(CharSequence text) {
    if (text == null || text.length() == 0) {
      return null;
    }
    CuePattern.Text lower =
        CuePattern.Text.of(
            text.length() > ADVANCE_FEE_REACH ? text.subSequence(0, ADVANCE_FEE_REACH) : text);
    if (ADVANCE_FEE_MONEY.find(lower) == null) {
      return null;
    }
    List<String> found = new ArrayList<>();
    for (CuePattern p : ADVANCE_FEE.values()) {
      String phrase = p.find(lower);
      if (phrase != null) {
        found.add(phrase);
        if (found.size() == ADVANCE_FEE_PHRASES) {
          return String.join("\", \"", found);
        }
      }
    }
    return null;
  }

  /** The "ADV:" label that marks unsolicited advertising, or null. */
  public static String advertisementLabel(String subject) {
    return ADVERTISEMENT_LABEL.find(subject);
  }

  /**
   * What disguises a subject from filters, or null: a random token padded onto its end, letters
   * styled as mathematical symbols, a word that mixes Latin with Cyrillic or Greek look-alikes, or
   * invisible characters inside a word.
   */
  public static String disguisedSubject(String subject) {
    if (subject == null || subject.isEmpty()) {
      return null;
    }
    Matcher padded = PADDED_TOKEN.matcher(subject);
    if (padded.find()) {
      return padded.group(1);
    }
    String styled = find(STYLED_LETTERS, subject);
    if (styled != null) {
      return styled;
    }
    String mixed = mixedScriptWord(subject, 1);
    return mixed != null ? mixed : find(SPLIT_WORD, subject);
  }

  /**
   * Whether a token padded onto a subject's end (see {@link #disguisedSubject}) is a code rather
   * than a word: digits, capitals, a random code or a mash of letters that no word spells. Padding
   * and a code together are a hash buster; a subject folded before its last word leaves the gap but
   * not the code.
   */
  public static boolean paddedCode(String token) {
    if (token == null) {
      return false;
    }
    String t = stripBrackets(token);
    return PADDED_DIGITS.matcher(t).matches()
        || PADDED_CAPITALS.matcher(t).matches()
        || isRandomCode(t)
        || isLetterMash(t.toLowerCase(Locale.ROOT), PADDED_MASH_SHORTEST);
  }

  /**
   * A word of the text split by invisible characters, when at least three are, or null. Fillers
   * between words (newsletters pad their preview line so) do not count.
   */
  public static String hiddenCharacters(CharSequence written) {
    if (written == null || written.length() == 0) {
      return null;
    }
    String text = written.toString();
    // Most texts have no filler at all, and a loop over the chars is much cheaper than the regex.
    int filler = 0;
    while (filler < text.length() && !isInvisible(text.charAt(filler))) {
      filler++;
    }
    if (filler == text.length()) {
      return null;
    }
    Matcher m = SPLIT_WORD.matcher(text).region(Math.max(0, filler - 1), text.length());
    String first = null;
    int n = 0;
    while (m.find()) {
      if (first == null) {
        int end = text.length();
        int from = m.start();
        while (from > 0 && Character.isLetter(text.charAt(from - 1))) {
          from--;
        }
        int to = m.start();
        while (to < end && (Character.isLetter(text.charAt(to)) || isInvisible(text.charAt(to)))) {
          to++;
        }
        first = text.substring(from, to).replaceAll("[^\\p{L}]", "");
      }
      if (++n == 3) {
        return first;
      }
    }
    return null;
  }

  /**
   * A code of random letters and digits standing alone near the start or the end of the body, or
   * null: a "hash buster" that bulk mailers add so that no two copies of a mailing are alike and
   * checksum filters cannot count them. Alone means on a line of its own or as the very first or
   * last word of the body (an HTML body's text has no lines). The code mixes lower- and upper-case
   * letters with digits, switching between letters and digits at least {@link #CODE_SWITCHES}
   * times, or is a mash of lower-case letters that no word spells (see {@link #isLetterMash}); a
   * typed word, an acronym, a part number, an upper-case licence key, a hexadecimal hash or a
   * message id is neither.
   */
  public static String randomCode(CharSequence written) {
    if (written == null || written.length() == 0) {
      return null;
    }
    String text = written.toString().strip();
    String found = randomCode(text, 0, Math.min(text.length(), CODE_REACH));
    if (found == null && text.length() > CODE_REACH) {
      found = randomCode(text, Math.max(CODE_REACH, text.length() - CODE_REACH), text.length());
    }
    return found;
  }

  private static String randomCode(String text, int from, int to) {
    // Tokens cut by the window's edges are not read: half a token is not the token.
    int i = from;
    if (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
      while (i < to && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
    }
    while (i < to) {
      while (i < to && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > to && to < text.length()) {
        break;
      }
      if (start < i && alone(text, start, i)) {
        String token = stripBrackets(text.substring(start, i));
        if (isRandomCode(token)) {
          return token;
        }
      }
    }
    return null;
  }

  // Whether the token from start to end has its line to itself or opens or closes the text.
  private static boolean alone(String text, int start, int end) {
    int before = start - 1;
    while (before >= 0
        && text.charAt(before) != '\n'
        && Character.isWhitespace(text.charAt(before))) {
      before--;
    }
    int after = end;
    while (after < text.length()
        && text.charAt(after) != '\n'
        && Character.isWhitespace(text.charAt(after))) {
      after++;
    }
    boolean opensLine = before < 0 || text.charAt(before) == '\n';
    boolean closesLine = after == text.length() || text.charAt(after) == '\n';
    return opensLine && closesLine || before < 0 || after == text.length();
  }

  private static String stripBrackets(String token) {
    int a = 0;
    int b = token.length();
    while (a < b && "[(<".indexOf(token.charAt(a)) >= 0) {
      a++;
    }
    while (b > a && "])>".indexOf(token.charAt(b - 1)) >= 0) {
      b--;
    }
    return token.substring(a, b);
  }

  private static boolean isRandomCode(String token) {
    if (isLetterMash(token)) {
      return true;
    }
    if (token.length() < 7
        || !RANDOM_CODE.matcher(token).matches()
        || MAIL_ID.matcher(token).find()) {
      return false;
    }
    boolean lower = false;
    boolean upper = false;
    int switches = 0;
    int run = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
      run = Character.isLetterOrDigit(c) ? run + 1 : 0;
      if (run >= CODE_LONGEST_RUN) {
        // Base64 and key material run on without a break; hash busters come in short groups.
        return false;
      }
      if (i > 0
          && Character.isDigit(c) != Character.isDigit(token.charAt(i - 1))
          && Character.isLetterOrDigit(c)
          && Character.isLetterOrDigit(token.charAt(i - 1))) {
        switches++;
      }
    }
    return lower && upper && switches >= CODE_SWITCHES && !HEX_NUMBER.matcher(token).matches();
  }

  /**
   * Whether the token is a run of lower-case letters typed at random, the other way hash busters
   * are written: at least {@link #MASH_SHORTEST} letters (shorter tokens are words) and at most
   * {@link #MASH_LONGEST} (longer ones are encoded data), with five consonants in a row, four
   * vowels in a row or a "q" not followed by "u", none of which a word in a Latin-script language
   * of that length has.
   */
  private static boolean isLetterMash(String token) {
    return isLetterMash(token, MASH_SHORTEST);
  }

  private static boolean isLetterMash(String token, int shortest) {
    if (token.length() < shortest || token.length() > MASH_LONGEST) {
      return false;
    }
    int consonants = 0;
    int vowels = 0;
    boolean odd = false;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
      boolean vowel = "aeiou".indexOf(c) >= 0;
      consonants = vowel ? 0 : consonants + 1;
      vowels = vowel ? vowels + 1 : 0;
      odd |=
          consonants >= 5
              || vowels >= 4
              || c == 'q' && (i + 1 == token.length() || token.charAt(i + 1) != 'u');
    }
    return odd;
  }

  private static boolean isInvisible(char c) {
    return c == '\u034F'
        || c == '\u00AD'
        || c >= '\u200B' && c <= '\u200F'
        || c == '\u2060'
        || c == '\uFEFF';
  }

  // Latin letters from ASCII mixed with Cyrillic or Greek ones in one word is a disguise: real
  // words in those languages use one script, and mis-decoded text has no ASCII letters.
  private static boolean mixesScripts(String word) {
    boolean ascii = false;
    boolean other = false;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (cp < 128 && Character.isLetter(cp)) {
        ascii = true;
      } else if (Character.isLetter(cp)) {
        other |= isGreekOrCyrillic(cp);
      }
      i += Character.charCount(cp);
    }
    return ascii && other;
  }

  /**
   * True when most letters of a subject are capitals or it carries runs of "!" or "$": shouting to
   * be noticed. Short subjects and acronyms are not counted.
   */
  public static boolean shouting(String subject) {
    if (subject == null) {
      return false;
    }
    int letters = 0;
    int upper = 0;
    for (int i = 0; i < subject.length(); i++) {
      char c = subject.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c)) {
          upper++;
        }
      }
    }
    return letters >= 12 && upper * 10 >= letters * 7
        || subject.contains("!!")
        || subject.contains("$$");
  }

  /** How many times {@code word} occurs in {@code text}, case-insensitively. */
  public static int count(String text, String word) {
    if (text == null || word == null || word.isEmpty()) {
      return 0;
    }
    String t = text.toLowerCase(Locale.ROOT);
    String w = word.toLowerCase(Locale.ROOT);
    int n = 0;
    for (int i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + w.length())) {
      n++;
    }
    return n;
  }

  // The lists are SpamAssassin's, so a pattern that does not compile names its file and line.
  private static Map<String, CuePattern> loadPatterns(String name) {
    try (InputStream in = Content.class.getResourceAsStream("reference/" + name)) {
      if (in == null) {
        throw new IllegalStateException("reference list " + name + " is missing from the build");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, CuePattern> patterns = new LinkedHashMap<>();
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        try {
          if (tab < 1) {
            throw new IllegalArgumentException("expected a name, a tab and a pattern");
          }
          patterns.putIfAbsent(line.substring(0, tab), CuePattern.compile(line.substring(tab + 1)));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(name + ":" + number + ": " + e.getMessage(), e);
        }
      }
      return patterns;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String find(Pattern p, String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    Matcher m = p.matcher(text);
    return m.find() ? m.group().strip() : null;
  }
}
