import { Module } from '@nestjs/common';
import { BlockerCorrectionsService } from './blocker-corrections.service';
import { BlockersController } from './blockers.controller';
import { BlockerMatcherService } from './blocker-matcher.service';
import { BlockersService } from './blockers.service';

@Module({
  controllers: [BlockersController],
  providers: [BlockersService, BlockerMatcherService, BlockerCorrectionsService],
  exports: [BlockersService, BlockerMatcherService],
})
export class BlockersModule {}
