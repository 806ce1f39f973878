/**
 * How a petition case is classified. Item types and levels are fixed by the regulation and by the
 * hierarchy, so they live in code; their codes match the `petition_item_type` and `petition_level`
 * dictionaries seeded in migration 0001. Subject categories (征地拆迁, 劳动社保 …) are an editable
 * dictionary and are not repeated here.
 */

/** 信访工作条例 (2022) sorts items into these three kinds; each has its own procedure and clocks. */
export const PETITION_ITEM_TYPES = ['suggestion', 'accusation', 'appeal'] as const;
export type PetitionItemType = (typeof PETITION_ITEM_TYPES)[number];

export const PETITION_ITEM_TYPE_LABELS: Record<PetitionItemType, string> = {
  suggestion: '建议意见',
  accusation: '检举控告',
  appeal: '申诉求决',
};

/** The highest level a case has been petitioned at, lowest first: the order is the escalation. */
export const PETITION_LEVELS = ['county', 'city', 'province', 'national'] as const;
export type PetitionLevel = (typeof PETITION_LEVELS)[number];

export const PETITION_LEVEL_LABELS: Record<PetitionLevel, string> = {
  county: '县',
  city: '市',
  province: '省',
  national: '京',
};

/** 0 for the county … 3 for Beijing. */
export const levelRank = (level: PetitionLevel): number => PETITION_LEVELS.indexOf(level);

/** The higher of two levels: a new visit to the city raises a county case's level, never lowers it. */
export const higherLevel = (a: PetitionLevel, b: PetitionLevel): PetitionLevel => (levelRank(b) > levelRank(a) ? b : a);

/** Petitioned above the county (越级): such cases go onto the supervision queue. */
export const isEscalated = (level: PetitionLevel): boolean => levelRank(level) > 0;

/** Five or more petitioners with the same demand make a collective petition (集体访). */
export const COLLECTIVE_PETITION_MIN = 5;

export const isCollective = (petitionerCount: number): boolean => petitionerCount >= COLLECTIVE_PETITION_MIN;
