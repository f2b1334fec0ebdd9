import { useEffect } from "preact/hooks";
import { t } from "../i18n/index.ts";

/**
 * A draft of the accessibility statement AgID asks for (Legge 4/2004, model of AgID's guidelines): the
 * administration that deploys Tavoli completes it and publishes the final one on form.agid.gov.it.
 */
export function AccessibilityScreen() {
  const texts = t();
  useEffect(() => {
    document.title = `${texts.a11yTitle} — Tavoli`;
  }, [texts]);
  return (
    <article lang="it">
      <h1>{texts.a11yTitle}</h1>
      <p>
        L'amministrazione che gestisce questa installazione di Tavoli si impegna a rendere l'applicazione
        accessibile, conformemente alla Legge 9 gennaio 2004, n. 4 e alle Linee guida AgID sull'accessibilità
        degli strumenti informatici, che recepiscono la norma UNI EN 301549 e le WCAG 2.1 livello AA.
      </p>
      <h2>Stato di conformità</h2>
      <p>
        Parzialmente conforme (bozza da verificare). L'applicazione è verificata automaticamente con axe-core
        in ogni schermata, si usa da tastiera, rispetta il contrasto minimo, ha obiettivi di tocco di almeno
        44 pixel e rispetta la preferenza di movimento ridotto.
      </p>
      <h2>Contenuti non accessibili</h2>
      <p>
        I documenti allegati dai partecipanti (PDF, immagini) possono non essere accessibili: sono
        responsabilità di chi li carica.
      </p>
      <h2>Feedback e contatti</h2>
      <p>
        Per segnalare un problema di accessibilità scrivi al referente dell'accordo. Se la risposta non è
        soddisfacente puoi rivolgerti al Difensore civico per il digitale di AgID.
      </p>
      <p class="hint">
        Dichiarazione da compilare e pubblicare su form.agid.gov.it a cura dell'amministrazione.
      </p>
    </article>
  );
}
