import { get, type Schema } from '../api';
import { date, lang, t } from '../i18n';
import { useData } from '../components/common';

const REVIEWED = '2026-11-26';

/**
 * Tillgänglighetsredogörelse, following DIGG's model (lag 2018:1937 om tillgänglighet till digital
 * offentlig service): how accessible the service is, what is not, how to report problems, and the
 * supervisory authority. Readable without signing in.
 */
export function AccessibilityPage() {
  const config = useData(() => get<Schema<'UiConfigDto'>>('/ui/config'));
  const contact = config.data?.accessibilityContact ?? '';
  const link = contact.startsWith('http') ? contact : `mailto:${contact}`;
  const sv = lang() === 'sv';
  const Contact = () => (contact ? <a href={link}>{contact}</a> : <>…</>);
  return sv ? (
    <div class="prose">
      {/* A soft hyphen where the compound may break on a narrow screen ("Tillgänglighets-/redogörelse"), not anywhere. */}
      <h1 tabIndex={-1}>{t('a11yTitle').replace('tillgänglighets', 'tillgänglighets\u00ad').replace('Tillgänglighets', 'Tillgänglighets\u00ad')}</h1>
      <p>
        Den organisation som driver den här tjänsten, Samverkan, står bakom den. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur
        Samverkan uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, kända tillgänglighetsproblem och hur du kan rapportera brister
        till oss så att vi kan åtgärda dem.
      </p>
      <h2>Hur tillgänglig är tjänsten?</h2>
      <p>Tjänsten är delvis förenlig med WCAG 2.1 nivå AA på grund av de brister som beskrivs nedan.</p>
      <h2>Vad kan du göra om du inte kan använda delar av tjänsten?</h2>
      <p>
        Om du behöver innehåll från tjänsten i ett annat format, till exempel ett ärendes historik eller ett beslut, kontakta oss: <Contact />. Vi svarar inom
        fem arbetsdagar.
      </p>
      <h2>Rapportera brister i tjänstens tillgänglighet</h2>
      <p>
        Vi strävar hela tiden efter att förbättra tjänstens tillgänglighet. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi
        inte uppfyller lagens krav, meddela oss: <Contact />. Skriv gärna vilken sida det gäller och vad som inte fungerade.
      </p>
      <h2>Tillsyn</h2>
      <p>
        Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsynen över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd
        med hur vi hanterar dina synpunkter kan du <a href="https://www.digg.se/tdosanmalan">kontakta DIGG och påpeka det</a>.
      </p>
      <h2>Teknisk information om tjänstens tillgänglighet</h2>
      <p>Tjänsten är delvis förenlig med WCAG 2.1 nivå AA på grund av de brister som beskrivs nedan.</p>
      <h3>Innehåll som inte är tillgängligt</h3>
      <ul>
        <li>
          Livscykeldiagrammet och målens diagram är bilder (SVG). Samma innehåll finns alltid som text bredvid: en numrerad lista över stegen och en tabell med
          värdena.
        </li>
        <li>
          Texter som processägare skriver i arbetsflöden och regler (stegnamn och grindarnas förklaringar) och texter som parterna registrerar (beslutstexter,
          dokumenttitlar) granskas inte av tjänsten. Tydligheten är författarens ansvar.
        </li>
        <li>Filer som parterna laddar upp (avtal, protokoll) granskas inte för tillgänglighet.</li>
        <li>Tjänsten är inte testad med skärmläsare av användare, bara med automatiska verktyg och tangentbord.</li>
      </ul>
      <h2>Hur vi testat tjänsten</h2>
      <p>
        Vi har gjort en självskattning: automatiska tester med axe-core (WCAG 2.1 A och AA) på varje sida i webbläsaren Chromium, ett test som går igenom
        ärendesidan med bara tangentbordet, och granskning av sidorna i 1280 och 390 bildpunkters bredd. Senaste bedömningen gjordes {date(REVIEWED)}.
        Redogörelsen uppdaterades senast {date(REVIEWED)}.
      </p>
    </div>
  ) : (
    <div class="prose">
      <h1 tabIndex={-1}>{t('a11yTitle')}</h1>
      <p>
        The organisation that runs this service, Samverkan, is responsible for it. We want as many people as possible to be able to use it. This page describes
        how Samverkan meets the Swedish act (2018:1937) on accessibility of digital public services, the accessibility problems we know of, and how to report
        problems to us so that we can fix them.
      </p>
      <h2>How accessible is the service?</h2>
      <p>The service is partially compliant with WCAG 2.1 level AA, because of the problems described below.</p>
      <h2>What to do if you cannot use parts of the service</h2>
      <p>
        If you need content of the service in another format, for example a case's history or a decision, contact us: <Contact />. We answer within five working
        days.
      </p>
      <h2>Reporting accessibility problems</h2>
      <p>
        We keep improving the service's accessibility. If you find a problem not described here, or think we do not meet the requirements of the act, tell us:{' '}
        <Contact />. Please say which page it concerns and what did not work.
      </p>
      <h2>Enforcement</h2>
      <p>
        The Agency for Digital Government (DIGG) supervises the act on accessibility of digital public services. If you are not satisfied with how we handle
        your report, you can <a href="https://www.digg.se/tdosanmalan">contact DIGG</a>.
      </p>
      <h2>Technical information on the service's accessibility</h2>
      <p>The service is partially compliant with WCAG 2.1 level AA, because of the problems described below.</p>
      <h3>Content that is not accessible</h3>
      <ul>
        <li>
          The lifecycle diagram and the goal charts are images (SVG). The same content is always beside them as text: a numbered list of the steps and a table
          of the values.
        </li>
        <li>
          Texts written by process owners in workflows and rules (step names, gate explanations) and texts the parties record (decision texts, document titles)
          are not reviewed by the service; their clarity is the author's responsibility.
        </li>
        <li>Files the parties upload (agreements, minutes) are not checked for accessibility.</li>
        <li>The service has not been tested with screen readers by users, only with automated tools and the keyboard.</li>
      </ul>
      <h2>How we tested the service</h2>
      <p>
        A self-assessment: automated tests with axe-core (WCAG 2.1 A and AA) on every page in the Chromium browser, a keyboard-only pass of the case page, and
        review of the pages at 1280 and 390 pixels wide. Last assessed {date(REVIEWED)}. This statement was last updated {date(REVIEWED)}.
      </p>
    </div>
  );
}
