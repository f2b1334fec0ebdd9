/** The eight comuni of the Area Interna del Calatino named by the Calatino Smart Community seed (art. 3). */
export const CALATINO_COMUNI = [
  "Caltagirone",
  "Grammichele",
  "Vizzini",
  "Licodia Eubea",
  "San Michele di Ganzaria",
  "Mirabella Imbaccari",
  "San Cono",
  "Mineo",
];
