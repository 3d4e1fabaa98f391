/** A vehicle identification number as every route takes it: 17 digits and capitals, without I, O or Q. */
export const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;

export const VIN_MESSAGE = '$property must be a 17-character VIN (digits and capitals, no I, O or Q)';
