/** Finding the names of people, organisations and places in an article's text. */
package org.storytrace.nlp.ner;
