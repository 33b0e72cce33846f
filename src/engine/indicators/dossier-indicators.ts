/**
 * @module engine/indicators/dossier-indicators
 * The indicators counted over dossiers received in the period, by legal code.
 */
import { dossierSync } from './1.4-dossier-sync.js'
import { processedOnTime } from './2.1-processed-on-time.js'
import { onlineSubmission } from './3.3-online-submission.js'
import { onlinePayment } from './3.6-online-payment.js'
import { electronicResult } from './4.1-electronic-result.js'
import { digitizedDossier } from './4.2-digitized-dossier.js'
import { reusedDigitizedData } from './4.3-reused-digitized-data.js'
import { personalDataStore } from './4.4-personal-data-store.js'
import { populationDataDossier } from './4.5b-population-data-dossier.js'
import { electronicCertifiedCopy } from './4.6-electronic-certified-copy.js'
import { dossierSatisfaction } from './5.4-dossier-satisfaction.js'
import type { DossierIndicator } from './types.js'

export const DOSSIER_INDICATORS: readonly DossierIndicator[] = [
  dossierSync,
  processedOnTime,
  onlineSubmission,
  onlinePayment,
  electronicResult,
  digitizedDossier,
  reusedDigitizedData,
  personalDataStore,
  populationDataDossier,
  electronicCertifiedCopy,
  dossierSatisfaction,
]
