import type { Faker } from '@faker-js/faker';
import { faker as fakerDA } from '@faker-js/faker/locale/da';
import { faker as fakerDE } from '@faker-js/faker/locale/de';
import { faker as fakerEN } from '@faker-js/faker/locale/en';
import { faker as fakerGB } from '@faker-js/faker/locale/en_GB';
import { faker as fakerFI } from '@faker-js/faker/locale/fi';
import { faker as fakerJA } from '@faker-js/faker/locale/ja';
import { faker as fakerNL } from '@faker-js/faker/locale/nl';
import { faker as fakerSV } from '@faker-js/faker/locale/sv';
import type { Random } from './random';

/**
 * Debtors, creditors and chat authors, drawn from a seeded faker in the locale that fits
 * the case's currency. Emails use example domains so nothing ever points at a real inbox.
 */

export const CURRENCIES = ['EUR', 'DKK', 'SEK', 'GBP', 'JPY', 'KWD'] as const;
export type SimCurrency = (typeof CURRENCIES)[number];

type Region = { faker: Faker; country: string; currency: SimCurrency; cities?: readonly string[] };

const REGIONS: readonly (readonly [Region, number])[] = [
  [{ faker: fakerDE, country: 'DE', currency: 'EUR' }, 14],
  [{ faker: fakerNL, country: 'NL', currency: 'EUR' }, 8],
  [{ faker: fakerFI, country: 'FI', currency: 'EUR' }, 6],
  [{ faker: fakerDA, country: 'DK', currency: 'DKK' }, 20],
  [{ faker: fakerSV, country: 'SE', currency: 'SEK' }, 15],
  [{ faker: fakerGB, country: 'GB', currency: 'GBP' }, 15],
  [{ faker: fakerJA, country: 'JP', currency: 'JPY' }, 5],
  [
    {
      faker: fakerEN,
      country: 'KW',
      currency: 'KWD',
      cities: ['Kuwait City', 'Hawalli', 'Salmiya', 'Farwaniya', 'Jahra'],
    },
    4,
  ],
];

export type SimUser = { id: string; firstName: string; lastName: string; email: string };

export type SimDebtor = {
  type: 'Company' | 'Person';
  name: string;
  contactPerson: string | null;
  companyRegistrationNumber: string | null;
  address: string;
  zipCode: string;
  city: string;
  countryAlpha2: string;
  email: string;
  phone: string;
};

export type SimCreditor = {
  id: string;
  companyName: string;
  officeEmail: string;
  officePhone: string;
  currency: SimCurrency;
  region: Region;
  staff: SimUser[];
};

export function seedFakers(seed: number) {
  for (const [region] of REGIONS) region.faker.seed(seed);
}

function slug(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase();
  return ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'firm';
}

function makeUser(random: Random, faker: Faker, domain: string): SimUser {
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const local = slug(`${firstName}.${lastName}`).replace(/-/g, '.');
  return {
    id: random.uuid(),
    firstName,
    lastName,
    email: `${local === 'firm' ? random.code(6).toLowerCase() : local}@${domain}`,
  };
}

/**
 * At least one creditor per region, so every currency occurs. Returned with pick weights
 * that give each region its share of the cases however many creditors it got.
 */
export function makeCreditors(random: Random, count: number): (readonly [SimCreditor, number])[] {
  const regions = [
    ...REGIONS.map(([region]) => region),
    ...Array.from({ length: Math.max(0, count - REGIONS.length) }, () => random.weighted(REGIONS)),
  ];
  const creditors = regions.map((region) => {
    const companyName = region.faker.company.name();
    const domain = `${slug(companyName)}.example`;
    return {
      id: random.uuid(),
      companyName,
      officeEmail: `accounts@${domain}`,
      officePhone: region.faker.phone.number(),
      currency: region.currency,
      region,
      staff: Array.from({ length: random.int(1, 2) }, () => makeUser(random, region.faker, domain)),
    };
  });
  const weightOf = new Map(REGIONS);
  const perRegion = (region: Region) => regions.filter((candidate) => candidate === region).length;
  return creditors.map((creditor) => [creditor, weightOf.get(creditor.region)! / perRegion(creditor.region)] as const);
}

export function makeDebtor(random: Random, region: Region): SimDebtor {
  const { faker } = region;
  const isCompany = random.chance(0.55);
  const person = `${faker.person.firstName()} ${faker.person.lastName()}`;
  const name = isCompany ? faker.company.name() : person;
  return {
    type: isCompany ? 'Company' : 'Person',
    name,
    contactPerson: isCompany ? person : null,
    companyRegistrationNumber: isCompany ? String(random.int(10_000_000, 99_999_999)) : null,
    address: faker.location.streetAddress(),
    zipCode: faker.location.zipCode(),
    city: region.cities ? random.pick(region.cities) : faker.location.city(),
    countryAlpha2: region.country,
    email: `${slug(name)}@mail.example`,
    phone: faker.phone.number(),
  };
}

export function makeStaff(random: Random, count: number, domain: string): SimUser[] {
  return Array.from({ length: count }, () => makeUser(random, fakerGB, domain));
}
