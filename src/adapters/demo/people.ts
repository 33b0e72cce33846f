/**
 * @module adapters/demo/people
 * Fictional applicants, companies and officers for the demo dossiers.
 */
import {
  COMPANY_BRANDS, COMPANY_FORMS, COMPANY_SECTORS, FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE,
  MIDDLE_NAMES_FEMALE, MIDDLE_NAMES_MALE,
} from './names.js'
import { WeightedSampler, type Random } from './random.js'

const FAMILY = new WeightedSampler(FAMILY_NAMES.map(([n]) => n), FAMILY_NAMES.map(([, w]) => w))

/** A person's full name and sex. */
export interface Person {
  name: string
  male: boolean
}

/** A random Vietnamese full name ("Nguyễn Thị Lan"). */
export function personName(rng: Random): Person {
  const male = rng.chance(0.5)
  const family = FAMILY.draw(rng)
  const middle = rng.pick(male ? MIDDLE_NAMES_MALE : MIDDLE_NAMES_FEMALE)
  const given = rng.pick(male ? GIVEN_NAMES_MALE : GIVEN_NAMES_FEMALE)
  return { name: `${family} ${middle} ${given}`, male }
}

/** A random organisation name ("Công ty TNHH Xây dựng Minh An"). */
export function companyName(rng: Random): string {
  return `${rng.pick(COMPANY_FORMS)} ${rng.pick(COMPANY_SECTORS)} ${rng.pick(COMPANY_BRANDS)}`
}

/**
 * A 12-digit personal identification number in the CCCD layout: a province code (099, not used by
 * any real province), a sex-and-century digit, two digits of the birth year and six random digits.
 */
export function personalId(rng: Random, male: boolean): string {
  const born2000s = rng.chance(0.25)
  const centuryDigit = (born2000s ? 2 : 0) + (male ? 0 : 1)
  const yy = born2000s ? rng.int(0, 8) : rng.int(40, 99)
  return `099${centuryDigit}${String(yy).padStart(2, '0')}${String(rng.int(0, 999_999)).padStart(6, '0')}`
}

/** A short hexadecimal account id (MaDoiTuong of an online applicant). */
export function accountId(rng: Random): string {
  return rng.uint32().toString(16).padStart(8, '0')
}
