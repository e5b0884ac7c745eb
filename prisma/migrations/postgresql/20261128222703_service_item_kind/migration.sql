-- AlterEnum
ALTER TYPE "ItemKind" ADD VALUE 'SERVICE';
