import { registerDecorator, type ValidationOptions } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@liftoff/shared';

/** The ~49,000 most common leaked passwords, from the zxcvbn-ts common dictionary (shipped offline). */
let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  if (common) return common;
  // Loaded on the first password checked, not at start: the package unpacks all its dictionaries on load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { dictionary } = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** What is wrong with a new password, in words for the person typing it; empty when it is acceptable. */
export function passwordProblems(password: unknown): string[] {
  if (typeof password !== 'string') return ['must be a string'];
  if (password.length < PASSWORD_MIN_LENGTH) return [`must be at least ${PASSWORD_MIN_LENGTH} characters long`];
  if (password.length > PASSWORD_MAX_LENGTH) return [`must be at most ${PASSWORD_MAX_LENGTH} characters long`];
  if (commonPasswords().has(password.toLowerCase())) return ['is one of the most common passwords; choose another'];
  if (new Set(password).size < 4) return ['repeats too few characters; choose another'];
  return [];
}

/** DTO rule for every password a person chooses: the 400 names the field and says why. */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => passwordProblems(value).length === 0,
        defaultMessage: (args) => `${args?.property ?? 'password'} ${passwordProblems(args?.value).join('; ')}`,
      },
    });
}
