/**
 * The site's name and the original it rebuilds: written into what travels without the site (the source line of an
 * embed or an image file) and into its pages.
 */
export const SITE_NAME = 'Données EIG';
export const SITE_TAGLINE = 'Le programme Entrepreneurs d’intérêt général en chiffres';
export const ORIGINAL_SITE = 'data.eig-forever.org';
