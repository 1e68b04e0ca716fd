/** An input that is missing, malformed or contradicts another; the message starts with its name. */
export class InputError extends Error {
  readonly input: string;

  constructor(input: string, problem: string) {
    super(`input ${input} ${problem}`);
    this.name = 'InputError';
    this.input = input;
  }
}
